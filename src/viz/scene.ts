/**
 * A scene: what a picture is, as plain data. Views build scenes; `toSvg` turns any scene into
 * markup; the renderer rasterises that. Coordinates are SVG pixels (origin top-left, y down).
 * Marks carry an optional `role` (written as `class="…"`) so tests and the page can find them:
 * e.g. "sample train", "sample test", "contour", "highlight", "source", "current".
 */

/** Presentation shared by every shape mark. Colours are CSS strings (`#rrggbb`, `none`). */
export interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  opacity?: number;
  fillOpacity?: number;
  strokeOpacity?: number;
  /** e.g. "4 3" */
  dash?: string;
  /** Written as class="…". */
  role?: string;
  /** Hover text (an SVG <title> child). */
  tooltip?: string;
}

export interface RectMark extends Paint {
  type: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
  rx?: number;
}

export interface CircleMark extends Paint {
  type: "circle";
  cx: number;
  cy: number;
  r: number;
}

export interface LineMark extends Paint {
  type: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Draw an arrow head at the end (x2, y2). */
  arrow?: boolean;
}

/** An open (or, with `closed`, closed) chain of points. */
export interface PolylineMark extends Paint {
  type: "polyline";
  points: [number, number][];
  closed?: boolean;
}

/** An SVG path string (`d`), e.g. from d3-contour or mergeRuns. `fillRule` for bands with holes. */
export interface PathMark extends Paint {
  type: "path";
  d: string;
  fillRule?: "nonzero" | "evenodd";
}

export interface TextMark {
  type: "text";
  x: number;
  y: number;
  text: string;
  /** Font size in px (default 13). */
  size?: number;
  anchor?: "start" | "middle" | "end";
  /** Vertical alignment relative to y (default "alphabetic"). */
  baseline?: "alphabetic" | "middle" | "hanging";
  weight?: "normal" | "bold";
  italic?: boolean;
  fill?: string;
  /** Degrees, about (x, y). */
  rotate?: number;
  /** Monospace (for number tables). */
  mono?: boolean;
  role?: string;
  opacity?: number;
}

export interface GroupMark {
  type: "group";
  marks: Mark[];
  /** Applied as translate(tx, ty) scale(s). */
  translate?: [number, number];
  scale?: number;
  /** Clip the children to this rectangle (in the group's own coordinates). */
  clip?: { x: number; y: number; width: number; height: number };
  opacity?: number;
  role?: string;
}

export type Mark = RectMark | CircleMark | LineMark | PolylineMark | PathMark | TextMark | GroupMark;

export interface Scene {
  width: number;
  height: number;
  /** Page colour (default white). */
  background?: string;
  /** Accessible title (<title> of the svg); usually also drawn as a text mark by the view. */
  title?: string;
  marks: Mark[];
}

/** Every mark of a scene, depth first (groups included, then their children). */
export function allMarks(scene: Scene | GroupMark): Mark[] {
  const out: Mark[] = [];
  const walk = (ms: Mark[]): void => {
    for (const m of ms) {
      out.push(m);
      if (m.type === "group") walk(m.marks);
    }
  };
  walk(scene.marks);
  return out;
}

/** Marks whose role contains every given word (roles are space-separated words, like classes). */
export function marksWithRole(scene: Scene | GroupMark, ...words: string[]): Mark[] {
  return allMarks(scene).filter((m) => {
    const r = (m.role ?? "").split(/\s+/);
    return words.every((w) => r.includes(w));
  });
}
