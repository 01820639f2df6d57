// Reading charts back for structural ("screenshot") tests: a strict XML well-formedness check, then a small element
// tree to find named marks (Vega gives each layer's group the class "<name>_marks") and read their geometry.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgElement[];
  text: string;
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: Node): SvgElement | null {
  const tag = Object.keys(node).find((k) => k !== ":@");
  if (!tag || tag === "#text") return null;
  const rawChildren = (node[tag] as Node[]) ?? [];
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node[":@"] ?? {})) attrs[k.replace(/^@_/, "")] = String(v);
  const children = rawChildren.map(toElement).filter((e): e is SvgElement => e !== null);
  const text = rawChildren.map((c) => ("#text" in c ? String(c["#text"]) : "")).join("");
  return { tag, attrs, children, text };
}

/** Parses an SVG document, failing the test with the parser's message when it is not well-formed XML. */
export function parseSvg(svg: string): SvgElement {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: true,
    trimValues: false,
    processEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(svg) as Node[];
  const root = parsed.map(toElement).find((e) => e?.tag === "svg");
  if (!root) throw new Error("no <svg> root element");
  return root;
}

export function findAll(root: SvgElement, test: (e: SvgElement) => boolean): SvgElement[] {
  const found: SvgElement[] = [];
  const walk = (e: SvgElement) => {
    if (test(e)) found.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return found;
}

const hasClass = (e: SvgElement, name: string) => (e.attrs.class ?? "").split(/\s+/).includes(name);

/** The drawn items (paths, lines, texts, rects) of the layer named `name`. */
export function marks(root: SvgElement, name: string): SvgElement[] {
  return findAll(root, (e) => e.tag === "g" && hasClass(e, `${name}_marks`)).flatMap((g) => g.children);
}

export function axes(root: SvgElement): SvgElement[] {
  return findAll(root, (e) => e.tag === "g" && hasClass(e, "role-axis"));
}

/** All text drawn in the chart, in document order (a multi-line text's lines joined by spaces). */
export function texts(root: SvgElement): string[] {
  return findAll(root, (e) => e.tag === "text").map((e) =>
    [e.text, ...e.children.filter((c) => c.tag === "tspan").map((c) => c.text)].filter(Boolean).join(" "),
  );
}

/** The first translate(x,y) of an element's transform. */
export function translation(e: SvgElement): [number, number] {
  const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(e.attrs.transform ?? "");
  if (!m) throw new Error(`no translate in ${JSON.stringify(e.attrs)}`);
  return [Number(m[1]), Number(m[2])];
}

/** The vertices of a path made of M and L commands, split into its sub-paths (a gap starts a new one). */
export function polylines(d: string): [number, number][][] {
  const lines: [number, number][][] = [];
  for (const m of d.matchAll(/([ML])([-\d.e]+),([-\d.e]+)/g)) {
    if (m[1] === "M") lines.push([]);
    lines.at(-1)!.push([Number(m[2]), Number(m[3])]);
  }
  return lines;
}

/** Width and height of a PNG from its IHDR chunk, after checking the 8-byte signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The right edge of everything drawn, in the SVG's own coordinates: every group's translation accumulated, texts by
 * the width Vega estimates for them (0.57 em, 0.62 em bold; the same estimate the charts are laid out with), filled
 * paths by their "M x,y h w" boxes. Backgrounds and invisible boxes are left out: they draw nothing.
 */
export function drawnRight(root: SvgElement): number {
  let right = 0;
  const walk = (e: SvgElement, dx: number) => {
    const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(e.attrs.transform ?? "");
    const x = dx + (m ? Number(m[1]) : 0);
    if (e.tag === "text" && e.text) {
      const size = Number.parseFloat(e.attrs["font-size"] ?? "10");
      const width = e.text.length * size * (e.attrs["font-weight"] === "bold" ? 0.62 : 0.57);
      const anchor = e.attrs["text-anchor"] ?? "start";
      right = Math.max(right, anchor === "end" ? x : anchor === "middle" ? x + width / 2 : x + width);
    } else if (e.tag === "path" && !hasClass(e, "background") && e.attrs.display !== "none") {
      const box = /^M([-\d.e]+),[-\d.e]+h([-\d.e]+)/.exec(e.attrs.d ?? "");
      if (box) right = Math.max(right, x + Number(box[1]) + Number(box[2]));
    }
    for (const child of e.children) walk(child, x);
  };
  walk(root, 0);
  return right;
}
