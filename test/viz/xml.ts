/** A tiny XML parser for tests: checks well-formedness and returns the element tree. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// Sticky (read at `i`, without copying the rest of the text for each tag and attribute).
const TAG_NAME = /[A-Za-z_][\w:.-]*/y;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*"([^"<]*)"/y;
const BARE_AMP = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
const at = (re: RegExp, src: string, i: number): RegExpExecArray | null => {
  re.lastIndex = i;
  return re.exec(src);
};

export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: …${src.slice(Math.max(0, i - 40), i + 40)}…`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith("<?", i)) i = src.indexOf("?>", i) + 2;
      else if (src.startsWith("<!--", i)) i = src.indexOf("-->", i) + 3;
      else if (src.startsWith("<!doctype", i) || src.startsWith("<!DOCTYPE", i)) i = src.indexOf(">", i) + 1;
      else return;
    }
  };
  const entity = (s: string): string => {
    if (s.includes("&") && BARE_AMP.test(s)) fail(`bare & in "${s.slice(0, 40)}"`);
    if (!s.includes("&")) return s;
    return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  };
  const element = (): XmlElement => {
    if (src[i] !== "<") fail("expected <");
    i++;
    const name = at(TAG_NAME, src, i)?.[0] ?? fail("bad tag name");
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith("/>", i)) {
        i += 2;
        return { name, attrs, children: [], text: "" };
      }
      if (src[i] === ">") {
        i++;
        break;
      }
      const m = at(ATTRIBUTE, src, i) ?? fail("bad attribute");
      if (m[1] in attrs) fail(`duplicate attribute ${m[1]}`);
      attrs[m[1]] = entity(m[2]);
      i += m[0].length;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      if (i >= src.length) fail(`unclosed <${name}>`);
      if (src.startsWith("</", i)) {
        const end = src.indexOf(">", i);
        const closing = src.slice(i + 2, end).trim();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        i = end + 1;
        return { name, attrs, children, text };
      }
      if (src.startsWith("<!--", i)) {
        i = src.indexOf("-->", i) + 3;
        continue;
      }
      if (src[i] === "<") {
        children.push(element());
        continue;
      }
      const next = src.indexOf("<", i);
      text += entity(src.slice(i, next < 0 ? src.length : next));
      i = next < 0 ? src.length : next;
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < src.length) fail("content after the root element");
  return root;
}

/** Every element in document order. */
export function elements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

export function withClass(root: XmlElement, ...words: string[]): XmlElement[] {
  return elements(root).filter((e) => {
    const c = (e.attrs.class ?? "").split(/\s+/);
    return words.every((w) => c.includes(w));
  });
}
