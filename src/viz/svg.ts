/** Any scene → one SVG string. Coordinates are rounded to 0.1 px to keep files small and stable. */
import type { Mark, Paint, Scene } from "./scene.ts";

export interface SvgOptions {
  /** CSS font-family list (default "DejaVu Sans, Verdana, sans-serif": the font the renderer bundles). */
  fontFamily?: string;
  monoFamily?: string;
  /** Include the XML declaration (default false). */
  xmlDeclaration?: boolean;
  /** Prefix for clip-path ids, so several SVGs can share one HTML page (default "c"). */
  idPrefix?: string;
}

/** Coordinates: 0.1 px is finer than any screen or print shows, and keeps big scenes small. */
const n = (v: number): string => {
  if (!Number.isFinite(v)) return "0";
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? "0" : String(r);
};

/** Widths and opacities keep two decimals (0.35 px lines, 0.15 opacity). */
const n2 = (v: number): string => {
  if (!Number.isFinite(v)) return "0";
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
};

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function paintAttrs(p: Paint): string {
  let s = "";
  if (p.role) s += ` class="${escapeXml(p.role)}"`;
  if (p.fill !== undefined) s += ` fill="${p.fill}"`;
  if (p.stroke !== undefined) s += ` stroke="${p.stroke}"`;
  if (p.strokeWidth !== undefined) s += ` stroke-width="${n2(p.strokeWidth)}"`;
  if (p.opacity !== undefined) s += ` opacity="${n2(p.opacity)}"`;
  if (p.fillOpacity !== undefined) s += ` fill-opacity="${n2(p.fillOpacity)}"`;
  if (p.strokeOpacity !== undefined) s += ` stroke-opacity="${n2(p.strokeOpacity)}"`;
  if (p.dash) s += ` stroke-dasharray="${p.dash}"`;
  return s;
}

function close(tag: string, p: Paint): string {
  return p.tooltip ? `><title>${escapeXml(p.tooltip)}</title></${tag}>` : "/>";
}

export function toSvg(scene: Scene, options: SvgOptions = {}): string {
  const font = options.fontFamily ?? "DejaVu Sans, Verdana, sans-serif";
  const mono = options.monoFamily ?? "DejaVu Sans Mono, Menlo, monospace";
  const prefix = options.idPrefix ?? "c";
  const defs: string[] = [];
  let clipCount = 0;

  const mark = (m: Mark): string => {
    switch (m.type) {
      case "rect":
        return `<rect x="${n(m.x)}" y="${n(m.y)}" width="${n(Math.max(0, m.width))}" height="${n(Math.max(0, m.height))}"${m.rx ? ` rx="${n(m.rx)}"` : ""}${paintAttrs(m)}${close("rect", m)}`;
      case "circle":
        return `<circle cx="${n(m.cx)}" cy="${n(m.cy)}" r="${n(m.r)}"${paintAttrs(m)}${close("circle", m)}`;
      case "line": {
        const line = `<line x1="${n(m.x1)}" y1="${n(m.y1)}" x2="${n(m.x2)}" y2="${n(m.y2)}"${paintAttrs(m)}${close("line", m)}`;
        return m.arrow ? line + arrowHead(m.x1, m.y1, m.x2, m.y2, m.stroke ?? "#000", m.strokeWidth ?? 1) : line;
      }
      case "polyline": {
        const tag = m.closed ? "polygon" : "polyline";
        const pts = m.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
        const fill = m.fill === undefined && !m.closed ? ' fill="none"' : "";
        return `<${tag} points="${pts}"${fill}${paintAttrs(m)}${close(tag, m)}`;
      }
      case "path":
        return `<path d="${m.d}"${m.fillRule ? ` fill-rule="${m.fillRule}"` : ""}${paintAttrs(m)}${close("path", m)}`;
      case "text": {
        let a = ` x="${n(m.x)}" y="${n(m.y)}"`;
        if (m.role) a += ` class="${escapeXml(m.role)}"`;
        if (m.size !== undefined && m.size !== 13) a += ` font-size="${n(m.size)}"`;
        if (m.anchor && m.anchor !== "start") a += ` text-anchor="${m.anchor}"`;
        // resvg and browsers agree on dominant-baseline middle/hanging; alphabetic is the default.
        if (m.baseline && m.baseline !== "alphabetic") a += ` dominant-baseline="${m.baseline === "middle" ? "central" : "hanging"}"`;
        if (m.weight === "bold") a += ` font-weight="bold"`;
        if (m.italic) a += ` font-style="italic"`;
        if (m.mono) a += ` font-family="${mono}"`;
        if (m.fill) a += ` fill="${m.fill}"`;
        if (m.opacity !== undefined) a += ` opacity="${n2(m.opacity)}"`;
        if (m.rotate) a += ` transform="rotate(${n(m.rotate)} ${n(m.x)} ${n(m.y)})"`;
        return `<text${a}>${escapeXml(m.text)}</text>`;
      }
      case "group": {
        let a = "";
        if (m.role) a += ` class="${escapeXml(m.role)}"`;
        const t: string[] = [];
        if (m.translate) t.push(`translate(${n(m.translate[0])} ${n(m.translate[1])})`);
        if (m.scale !== undefined && m.scale !== 1) t.push(`scale(${n(m.scale)})`);
        if (t.length) a += ` transform="${t.join(" ")}"`;
        if (m.opacity !== undefined) a += ` opacity="${n2(m.opacity)}"`;
        if (m.clip) {
          const id = `${prefix}-clip${clipCount++}`;
          const c = m.clip;
          defs.push(`<clipPath id="${id}"><rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.width)}" height="${n(c.height)}"/></clipPath>`);
          a += ` clip-path="url(#${id})"`;
        }
        return `<g${a}>${m.marks.map(mark).join("")}</g>`;
      }
    }
  };

  const body = scene.marks.map(mark).join("\n");
  const w = n(scene.width);
  const h = n(scene.height);
  return (
    (options.xmlDeclaration ? `<?xml version="1.0" encoding="UTF-8"?>\n` : "") +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${font}" font-size="13">\n` +
    (scene.title ? `<title>${escapeXml(scene.title)}</title>\n` : "") +
    (defs.length ? `<defs>${defs.join("")}</defs>\n` : "") +
    `<rect width="${w}" height="${h}" fill="${scene.background ?? "#ffffff"}"/>\n` +
    body +
    `\n</svg>\n`
  );
}

// A filled triangle at (x2, y2) pointing along the line; drawn as geometry so every renderer agrees.
function arrowHead(x1: number, y1: number, x2: number, y2: number, color: string, width: number): string {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const size = 6 + 2 * width;
  const bx = x2 - ux * size;
  const by = y2 - uy * size;
  const px = -uy * size * 0.45;
  const py = ux * size * 0.45;
  return `<polygon points="${n(x2)},${n(y2)} ${n(bx + px)},${n(by + py)} ${n(bx - px)},${n(by - py)}" fill="${color}"/>`;
}
