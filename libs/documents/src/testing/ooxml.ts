import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Reads Office files (.docx, .xlsx) back from their XML parts, so that tests assert what a reader gets rather
 * than what the writer was asked to produce. Test support only.
 */

/** An element as fast-xml-parser gives it in document order: its name, attributes and children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text of a text node (name "#text"). */
  text?: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep every value a string and every space: "287" is a document number, "  " the room left for one.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function toElements(nodes: OrderedNode[]): XmlElement[] {
  return nodes.map((node) => {
    const name = Object.keys(node).find((k) => k !== ':@') ?? '';
    if (name === '#text') return { name, attrs: {}, children: [], text: String(node[name]) };
    return { name, attrs: node[':@'] ?? {}, children: toElements(node[name] as OrderedNode[]) };
  });
}

export function parseXml(xml: string): XmlElement[] {
  return toElements(parser.parse(xml) as OrderedNode[]);
}

/** Every element named `name` under `roots`, in document order. */
export function findAll(roots: XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    if (el.name === name) out.push(el);
    el.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

export function findFirst(roots: XmlElement[], name: string): XmlElement | undefined {
  return findAll(roots, name)[0];
}

/** The text of a paragraph or run: its w:t contents, tabs as "\t". */
export function textOf(el: XmlElement): string {
  if (el.name === '#text') return el.text ?? '';
  if (el.name === 'w:tab') return '\t';
  if (el.name === 'w:instrText') return '';
  return el.children.map(textOf).join('');
}

export interface DocxParts {
  document: XmlElement[];
  styles: XmlElement[];
  /** Header parts by relationship id, as referenced from w:headerReference. */
  headers: Map<string, XmlElement[]>;
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`No ${path} in the .docx`);
    return parseXml(await file.async('string'));
  };
  const rels = await read('word/_rels/document.xml.rels');
  const headers = new Map<string, XmlElement[]>();
  for (const rel of findAll(rels, 'Relationship')) {
    if (rel.attrs.Type.endsWith('/header')) headers.set(rel.attrs.Id, await read(`word/${rel.attrs.Target}`));
  }
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), headers };
}

/** Paragraph texts in reading order, table cells included. */
export function paragraphTexts(roots: XmlElement[]): string[] {
  return findAll(roots, 'w:p').map(textOf);
}

/** Paragraph elements whose text equals `text`. */
export function paragraphsWithText(roots: XmlElement[], text: string): XmlElement[] {
  return findAll(roots, 'w:p').filter((p) => textOf(p) === text);
}
