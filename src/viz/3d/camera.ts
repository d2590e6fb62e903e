/**
 * The project's own 3-D: an orthographic camera turned by azimuth (about the vertical z axis)
 * and elevation (above the x–y plane). No WebGL, so it is plain SVG everywhere.
 */
import type { Box } from "../chart/box.ts";
import type { Angle } from "../view.ts";

export const DEFAULT_ANGLE: Angle = { azimuth: -35, elevation: 30 };

export type Vec3 = [number, number, number];
export type Bounds = [[number, number], [number, number], [number, number]];

export interface Projected {
  x: number;
  y: number;
  /** Larger = farther from the viewer. */
  depth: number;
  /**
   * Distance along the view direction in the x–y plane, ignoring height (larger = farther).
   * For a height field z = f(x, y) a point can only be hidden by points with smaller ground
   * depth, so sorting a mesh by it is exact where sorting by `depth` fails on steep walls.
   */
  ground: number;
}

export interface Camera {
  /** Data coordinates → screen. */
  project(p: Vec3): Projected;
  bounds: Bounds;
  /** The unit light direction in normalised space (from the viewer's upper left). */
  light: Vec3;
  /** Data → normalised [−1, 1]³. */
  normalise(p: Vec3): Vec3;
}

/** A camera that fits the bounds' cube into `box`. */
export function camera(angle: Angle | undefined, box: Box, bounds: Bounds, zScale = 0.8): Camera {
  const a = ((angle?.azimuth ?? DEFAULT_ANGLE.azimuth) * Math.PI) / 180;
  const e = ((angle?.elevation ?? DEFAULT_ANGLE.elevation) * Math.PI) / 180;
  const [ca, sa, ce, se] = [Math.cos(a), Math.sin(a), Math.cos(e), Math.sin(e)];
  const span = (r: [number, number]): number => (r[1] - r[0] || 1);
  const normalise = (p: Vec3): Vec3 => [
    ((p[0] - bounds[0][0]) / span(bounds[0])) * 2 - 1,
    ((p[1] - bounds[1][0]) / span(bounds[1])) * 2 - 1,
    (((p[2] - bounds[2][0]) / span(bounds[2])) * 2 - 1) * zScale,
  ];
  // Screen right = rotated x; screen up = y·sin e + z·cos e; depth = y·cos e − z·sin e.
  const raw = (q: Vec3): Projected => {
    const x1 = q[0] * ca - q[1] * sa;
    const y1 = q[0] * sa + q[1] * ca;
    return { x: x1, y: y1 * se + q[2] * ce, depth: y1 * ce - q[2] * se, ground: y1 };
  };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const cx of [-1, 1]) for (const cy of [-1, 1]) for (const cz of [-zScale, zScale]) {
    const p = raw([cx, cy, cz]);
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const s = Math.min(box.width / (x1 - x0), box.height / (y1 - y0));
  const ox = box.x + box.width / 2 - (s * (x0 + x1)) / 2;
  const oy = box.y + box.height / 2 + (s * (y0 + y1)) / 2;
  // Light from the viewer's upper left, expressed in normalised data space.
  const lv: Vec3 = [-0.4, -0.5, 0.75];
  const light: Vec3 = (() => {
    const l = [lv[0] * ca + lv[1] * sa, -lv[0] * sa + lv[1] * ca, lv[2]];
    const m = Math.hypot(l[0], l[1], l[2]);
    return [l[0] / m, l[1] / m, l[2] / m];
  })();
  return {
    bounds,
    light,
    normalise,
    project(p) {
      const r = raw(normalise(p));
      return { x: ox + s * r.x, y: oy - s * r.y, depth: r.depth, ground: r.ground };
    },
  };
}
