import { SaxesParser } from 'saxes';

/** An element of a parsed SVG: its name, attributes and the text directly inside it. */
export interface SvgElement { name: string; attributes: Record<string, string>; text: string }

/**
 * For tests only: parses an SVG with a strict XML parser (throws on anything not well-formed) and lists its
 * elements in document order. saxes comes with exceljs; it is not a runtime dependency of Waymark.
 */
export function svgElements(svg: string): SvgElement[] {
  const parser = new SaxesParser();
  const elements: SvgElement[] = [];
  const open: SvgElement[] = [];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element = { name: tag.name, attributes, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(svg).close();
  return elements;
}
