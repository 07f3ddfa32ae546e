// A real XML parser (fast-xml-parser, validating) for the SVG the server sends: what an
// image viewer would refuse fails here, and the test reads the parsed tree.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, parseTagValue: false, isArray: (name) => name === 'text' || name === 'rect' || name === 'g' });

export interface ParsedSvg {
  /** The root element's attributes, without the "@". */
  attributes: Record<string, string>;
  title: string;
  /** Every <text>'s content, in document order. */
  texts: string[];
  /** The fill of every <rect>, in document order. */
  fills: string[];
}

type Node = Record<string, unknown>;
const asArray = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];

/** Throws on anything that is not well-formed XML with an <svg> root in the SVG namespace. */
export function parseSvg(text: string): ParsedSvg {
  const document = parser.parse(text, true) as { svg?: Node };
  const svg = document.svg;
  if (svg?.['@xmlns'] !== 'http://www.w3.org/2000/svg') throw new Error('not an SVG document in the SVG namespace');
  const attributes = Object.fromEntries(Object.entries(svg).filter(([k]) => k.startsWith('@')).map(([k, v]) => [k.slice(1), String(v)]));
  const groups = asArray(svg.g);
  const texts = groups.flatMap((g) => asArray(g.text)).map((t) => String(typeof t === 'object' ? (t['#text'] ?? '') : t));
  const rects = [...asArray(svg.rect), ...groups.flatMap((g) => asArray(g.rect))];
  return { attributes, title: String(svg.title ?? ''), texts, fills: rects.flatMap((r) => (r['@fill'] ? [String(r['@fill'])] : [])) };
}
