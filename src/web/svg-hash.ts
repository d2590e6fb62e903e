/** A short fingerprint of an SVG (FNV-1a), so a test or a refresh can tell pictures apart. */
export function svgHash(svg: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < svg.length; i++) h = Math.imul(h ^ svg.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
