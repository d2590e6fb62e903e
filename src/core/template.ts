/**
 * Messages as templates with {slots}: filled in one language, and a text already filled in
 * English matched back to its template so that it can be said in another (the pictures' words,
 * the engine's messages on the Chinese page).
 */

/** `template` with its {slots} filled from `params` (a slot without a value stays as written). */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const patterns = new Map<string, { re: RegExp; slots: string[] }>();

function patternOf(template: string): { re: RegExp; slots: string[] } {
  let p = patterns.get(template);
  if (!p) {
    const slots: string[] = [];
    const source = template.split(/(\{\w+\})/).map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      if (!slot) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      slots.push(slot[1]);
      return "([\\s\\S]+?)";
    });
    p = { re: new RegExp(`^${source.join("")}$`), slots };
    patterns.set(template, p);
  }
  return p;
}

/**
 * `text` in the catalogue's language: its own entry, else the first template (in the catalogue's
 * order: the more specific first) it was filled from, translated, its slots' values translated in
 * turn; null when none matches.
 */
export function translateText(catalogue: Readonly<Record<string, string>>, text: string): string | null {
  if (Object.hasOwn(catalogue, text)) return catalogue[text];
  for (const template of Object.keys(catalogue)) {
    // A template of slots alone would match anything, itself included.
    if (!template.includes("{") || template.replace(/\{\w+\}/g, "").trim() === "") continue;
    const { re, slots } = patternOf(template);
    const m = re.exec(text);
    if (m) return fill(catalogue[template], Object.fromEntries(slots.map((s, i) => [s, translateText(catalogue, m[i + 1]) ?? m[i + 1]])));
  }
  return null;
}
