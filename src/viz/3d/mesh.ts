/** Shaded surface meshes of a height field z = f(x, y), refined where the surface bends. */
import { shade } from "../palette.ts";
import type { Mark } from "../scene.ts";
import type { Camera, Projected, Vec3 } from "./camera.ts";
import type { DepthItem } from "./depth.ts";

/** A surface's colour bands by default: this many, evenly over the z range (see surfaceMesh). */
export const COLOR_BANDS = 24;

/** The part of a planar polygon (screen x, y and height z at each corner) with lo ≤ z ≤ hi, on screen. */
function clipBand(poly: [number, number, number][], lo: number, hi: number): [number, number][] {
  const clip = (pts: [number, number, number][], keep: (z: number) => boolean, at: number): [number, number, number][] => {
    const out: [number, number, number][] = [];
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      const q = pts[(i + 1) % pts.length];
      if (keep(p[2])) out.push(p);
      if (keep(p[2]) !== keep(q[2])) {
        const t = (at - p[2]) / (q[2] - p[2]);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), at]);
      }
    }
    return out;
  };
  const piece = clip(clip(poly, (z) => z >= lo, lo), (z) => z <= hi, hi);
  return piece.map(([x, y]) => [x, y]);
}

/**
 * A surface z[i + j·nx] over xs × ys, shaded (Lambert, the camera's light) and ordered by ground
 * depth, which is exact for a height field however steep its walls.
 *
 * `step` > 1 (a power of 2 is best) means xs × ys is a fine grid and the mesh is coarse (a face
 * every `step` points) except where the surface bends sharply inside a cell: there the cell is
 * split in four, again and again down to the fine grid, so a cliff's edges are crisp and
 * plateaus and straight slopes stay cheap. An unsplit cell's edges stray from the fine heights
 * by less than the split tolerance, so no visible crack opens beside a split one.
 * A face that is not flat is cut into two triangles along the diagonal whose corners are
 * closest in height (a cliff across the grid becomes a sloped wall, not a staircase); faces
 * take the mean of their corners' normals, so brightness changes smoothly; each is stroked
 * with its own colour (0.5 px) so anti-aliased seams between faces do not show.
 * A face crossing one of the `levels` (heights; default COLOUR_BANDS bands evenly over the z
 * range) is cut there, each piece coloured by its own heights, so a steep wall shades from its
 * foot's colour to its top's instead of showing one flat colour per sliver (a picket fence).
 * A coarse cell beside refined ones runs its edges through their corners (no T-junctions, so no
 * cracks where the background shows through).
 * `colourOf(z, corners)` gets the middle of the face's (or piece's) height range and its corners'
 * indices into z.
 */
export function surfaceMesh(cam: Camera, xs: number[], ys: number[], z: ArrayLike<number>, colorOf: (z: number, corners: number[]) => string, step = 1, levels?: readonly number[]): DepthItem[] {
  const nx = xs.length;
  const ny = ys.length;
  const P: Projected[] = [];
  const N: Vec3[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const p: Vec3 = [xs[i], ys[j], z[i + j * nx]];
    P.push(cam.project(p));
    N.push(cam.normalise(p));
  }
  // Vertex normals from central differences over `step` points (normalised space).
  const VN: Vec3[] = [];
  const normalAt = (i: number, j: number, h: number): Vec3 => {
    const [i0, i1] = [Math.max(0, i - h), Math.min(nx - 1, i + h)];
    const [j0, j1] = [Math.max(0, j - h), Math.min(ny - 1, j + h)];
    const gx = (N[i1 + j * nx][2] - N[i0 + j * nx][2]) / (N[i1 + j * nx][0] - N[i0 + j * nx][0] || 1);
    const gy = (N[i + j1 * nx][2] - N[i + j0 * nx][2]) / (N[i + j1 * nx][1] - N[i + j0 * nx][1] || 1);
    const m = Math.hypot(gx, gy, 1);
    return [-gx / m, -gy / m, 1 / m];
  };
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) VN[i + j * nx] = normalAt(i, j, 1);
  const zSpan = 2 * Math.max(1e-12, Math.abs(cam.normalise([xs[0], ys[0], cam.bounds[2][1]])[2] - cam.normalise([xs[0], ys[0], cam.bounds[2][0]])[2]) / 2);
  const items: DepthItem[] = [];
  const [zLo, zHi] = cam.bounds[2];
  const cutLevels = levels ?? Array.from({ length: COLOR_BANDS - 1 }, (_, i) => zLo + ((i + 1) * (zHi - zLo)) / COLOR_BANDS);
  const face = (k: number[]): void => {
    const n: Vec3 = [0, 0, 0];
    for (const q of k) for (let c = 0; c < 3; c++) n[c] += VN[q][c];
    const nm = Math.hypot(n[0], n[1], n[2]) || 1;
    const lambert = Math.max(0, (n[0] * cam.light[0] + n[1] * cam.light[1] + n[2] * cam.light[2]) / nm);
    // Brightness in 40 steps: invisible, and neighbouring faces of one colour merge into one
    // path (mergeRuns), which keeps big meshes small.
    // The face's colour is that of the middle of its height range (not the mean of its corners):
    // the two triangles of a cell on a cliff, one with two high corners and one with two low,
    // then share a colour, and the wall does not zigzag light and dark.
    let zMin = Infinity;
    let zMax = -Infinity;
    for (const q of k) {
      zMin = Math.min(zMin, z[q]);
      zMax = Math.max(zMax, z[q]);
    }
    const light = 0.6 + Math.round(lambert * 40) / 100;
    const ground = k.reduce((s, q) => s + P[q].ground, 0) / k.length;
    const points = k.map((q) => [P[q].x, P[q].y] as [number, number]);
    // A face across several colour bands (a wall) is cut at the bands' heights, each piece its
    // band's colour: a wall then shades from its foot's colour to its top's, as a surface
    // coloured by height does, instead of one flat colour per sliver (stripes like a picket fence).
    const marks: Mark[] = [];
    const cuts = cutLevels.filter((l) => l > zMin && l < zMax);
    if (!cuts.length) {
      const fill = shade(colorOf((zMin + zMax) / 2, k), light);
      marks.push({ type: "polyline", points, closed: true, fill, stroke: fill, strokeWidth: 0.5, role: "mesh" });
    } else {
      const poly = k.map((q, t): [number, number, number] => [points[t][0], points[t][1], z[q]]);
      const edges = [zMin, ...cuts, zMax];
      for (let bi = 0; bi + 1 < edges.length; bi++) {
        const piece = clipBand(poly, edges[bi], edges[bi + 1]);
        if (piece.length < 3) continue;
        const fill = shade(colorOf((edges[bi] + edges[bi + 1]) / 2, k), light);
        marks.push({ type: "polyline", points: piece, closed: true, fill, stroke: fill, strokeWidth: 0.5, role: "mesh" });
      }
    }
    items.push({ depth: ground, marks });
  };
  // Corner indices of every leaf cell (first pass), so that a coarse cell beside finer ones
  // runs its edges through their corners (no T-junction: no crack where the background shows).
  const leaves: [number, number, number, number][] = [];
  const corner = new Uint8Array(nx * ny);
  // The grid points on the edge from fine point (i0, j0) to (i1, j1), ends excluded, that are corners of some leaf.
  const along = (i0: number, j0: number, i1: number, j1: number): number[] => {
    const n = Math.max(Math.abs(i1 - i0), Math.abs(j1 - j0));
    const out: number[] = [];
    for (let t = 1; t < n; t++) {
      const q = i0 + ((i1 - i0) * t) / n + (j0 + ((j1 - j0) * t) / n) * nx;
      if (corner[q]) out.push(q);
    }
    return out;
  };
  const cell = (I: number, J: number, w: number, e: number): void => {
    const a = I + J * nx;
    const b = I + w + J * nx;
    const c = I + w + (J + e) * nx;
    const d = I + (J + e) * nx;
    const ab = w > 1 ? along(I, J, I + w, J) : [];
    const bc = e > 1 ? along(I + w, J, I + w, J + e) : [];
    const cd = w > 1 ? along(I + w, J + e, I, J + e) : [];
    const da = e > 1 ? along(I, J + e, I, J) : [];
    // A flat (planar) cell has z_a + z_c = z_b + z_d.
    const twist = Math.abs(N[a][2] + N[c][2] - N[b][2] - N[d][2]) / zSpan;
    if (twist < 0.01) face([a, ...ab, b, ...bc, c, ...cd, d, ...da]);
    else if (Math.abs(N[a][2] - N[c][2]) <= Math.abs(N[b][2] - N[d][2])) {
      face([a, ...ab, b, ...bc, c]);
      face([c, ...cd, d, ...da, a]);
    } else {
      face([b, ...bc, c, ...cd, d]);
      face([d, ...da, a, ...ab, b]);
    }
  };
  // A cell of size h (in fine points) is refined (halved) while its fine heights stray more than
  // 4% of the z range from the bilinear blend of its corners: steep but straight slopes stay
  // coarse, sharp bends (the edges of a cliff) get fine faces.
  const bilinearError = (I: number, J: number, h: number): number => {
    const za = N[I + J * nx][2];
    const zb = N[I + h + J * nx][2];
    const zc = N[I + h + (J + h) * nx][2];
    const zd = N[I + (J + h) * nx][2];
    let worst = 0;
    for (let j = J; j <= J + h; j++) for (let i = I; i <= I + h; i++) {
      const u = (i - I) / h;
      const v = (j - J) / h;
      const blend = (1 - v) * ((1 - u) * za + u * zb) + v * ((1 - u) * zd + u * zc);
      worst = Math.max(worst, Math.abs(N[i + j * nx][2] - blend));
    }
    return worst / zSpan;
  };
  const visit = (I: number, J: number, h: number): void => {
    if (h > 1 && bilinearError(I, J, h) > 0.04) {
      const g = Math.floor(h / 2);
      for (const [di, dj, w, e] of [[0, 0, g, g], [g, 0, h - g, g], [0, g, g, h - g], [g, g, h - g, h - g]]) if (w > 0 && e > 0) visitRect(I + di, J + dj, w, e);
      return;
    }
    leaves.push([I, J, h, h]);
  };
  // Sub-cells of an odd step may be rectangles; they are drawn as they are (no further split).
  const visitRect = (I: number, J: number, w: number, e: number): void => {
    if (w === e) visit(I, J, w);
    else for (let j = J; j < J + e; j++) for (let i = I; i < I + w; i++) leaves.push([i, j, 1, 1]);
  };
  const s = Math.max(1, Math.floor(step));
  for (let J = 0; J + s < ny; J += s) for (let I = 0; I + s < nx; I += s) visit(I, J, s);
  for (const [I, J, w, e] of leaves) for (const q of [I + J * nx, I + w + J * nx, I + w + (J + e) * nx, I + (J + e) * nx]) corner[q] = 1;
  for (const [I, J, w, e] of leaves) cell(I, J, w, e);
  return items;
}
