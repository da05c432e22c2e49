import type * as Xmldom from '@xmldom/xmldom';

/**
 * Small helpers over the DOM that @xmldom/xmldom builds from a Word part. WordprocessingML elements are matched by
 * namespace and local name, so documents written with another prefix than "w:" (or in Strict OOXML) read the same.
 */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const ELEMENT_NODE = 1;

/** Wrappers that only group content (content controls, custom XML, smart tags): their children count as ours. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag']);

let xmldom: Promise<typeof Xmldom> | undefined;
let loaded: typeof Xmldom | undefined;

/** Loads @xmldom/xmldom on the first DOCX read rather than when the app starts; await it before `parseXml`. */
export async function loadXmlParser(): Promise<void> {
  xmldom ??= import('@xmldom/xmldom');
  loaded = await xmldom;
}

export function parseXml(xml: string): Document {
  if (!loaded) throw new Error('parseXml needs loadXmlParser() to have finished first');
  const { DOMParser } = loaded;
  const fail = (message: string): never => {
    throw new Error(`XML is not well formed: ${message}`);
  };
  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } });
  const document = parser.parseFromString(xml, 'text/xml');
  if (!document.documentElement) fail('no root element');
  return document;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isW(node: Node, localName: string): boolean {
  return isElement(node) && node.localName === localName && W_NAMESPACES.has(node.namespaceURI ?? '');
}

export function elementChildren(element: Element): Element[] {
  const children: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (isElement(node)) children.push(node);
  return children;
}

/** Children with content-control and similar wrappers opened up (w:sdtPr and w:sdtEndPr are dropped). */
export function contentChildren(element: Element): Element[] {
  return elementChildren(element).flatMap((child) => {
    if (!W_NAMESPACES.has(child.namespaceURI ?? '')) return [child];
    if (child.localName === 'sdtPr' || child.localName === 'sdtEndPr') return [];
    return TRANSPARENT.has(child.localName) ? contentChildren(child) : [child];
  });
}

export function wChild(element: Element | undefined, localName: string): Element | undefined {
  return element ? elementChildren(element).find((child) => isW(child, localName)) : undefined;
}

/** A WordprocessingML attribute such as w:val, whichever namespace variant the document uses. */
export function wAttr(element: Element | undefined, localName = 'val'): string | undefined {
  if (!element) return undefined;
  for (const namespace of W_NAMESPACES) {
    const value = element.getAttributeNS(namespace, localName);
    if (value) return value;
  }
  return undefined;
}

export function wInt(element: Element | undefined, localName = 'val'): number | undefined {
  const value = Number.parseInt(wAttr(element, localName) ?? '', 10);
  return Number.isFinite(value) ? value : undefined;
}

/** A toggle property (w:b, w:i): present and not switched off; undefined when absent. */
export function wToggle(element: Element | undefined, localName: string): boolean | undefined {
  const property = wChild(element, localName);
  if (!property) return undefined;
  return !['0', 'false', 'off'].includes(wAttr(property) ?? 'true');
}
