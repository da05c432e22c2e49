import { elementChildren, isW, wAttr, wChild, wInt, wToggle } from './docx-xml.ts';

/**
 * The parts of word/styles.xml that change what a paragraph means: headings ("Heading 1"…"Heading 6", "Title", or
 * an outline level), bold/italic set by a style, and lists defined by a style ("List Bullet"). Styles inherit
 * through w:basedOn.
 */
export interface ListReference {
  numId: string;
  level: number;
}

export interface ResolvedStyle {
  bold: boolean;
  italic: boolean;
  heading: number | null;
  list: ListReference | null;
}

interface RawStyle {
  basedOn: string | undefined;
  bold: boolean | undefined;
  italic: boolean | undefined;
  heading: number | undefined;
  list: ListReference | undefined;
}

export interface DocxStyles {
  resolve(styleId: string | undefined): ResolvedStyle;
}

const PLAIN_STYLE: ResolvedStyle = { bold: false, italic: false, heading: null, list: null };

function headingLevel(style: Element): number | undefined {
  const name = (wAttr(wChild(style, 'name')) ?? '').toLowerCase();
  const named = /^heading\s*([1-6])$/.exec(name);
  if (named) return Number(named[1]);
  if (name === 'title') return 1;
  const outline = wInt(wChild(wChild(style, 'pPr'), 'outlineLvl'));
  return outline !== undefined && outline < 6 ? outline + 1 : undefined;
}

export function listReference(paragraphProperties: Element | undefined): ListReference | undefined {
  const numbering = wChild(paragraphProperties, 'numPr');
  const numId = wAttr(wChild(numbering, 'numId'));
  if (!numbering || numId === undefined) return undefined;
  return { numId, level: wInt(wChild(numbering, 'ilvl')) ?? 0 };
}

function rawStyle(style: Element): RawStyle {
  const runProperties = wChild(style, 'rPr');
  return {
    basedOn: wAttr(wChild(style, 'basedOn')),
    bold: wToggle(runProperties, 'b'),
    italic: wToggle(runProperties, 'i'),
    heading: headingLevel(style),
    list: listReference(wChild(style, 'pPr')),
  };
}

export function readStyles(document: Document | null): DocxStyles {
  const raw = new Map<string, RawStyle>();
  for (const style of document ? elementChildren(document.documentElement) : []) {
    const styleId = wAttr(style, 'styleId');
    if (isW(style, 'style') && styleId) raw.set(styleId, rawStyle(style));
  }
  const resolved = new Map<string, ResolvedStyle>();
  const resolve = (styleId: string | undefined, depth = 0): ResolvedStyle => {
    const style = styleId === undefined ? undefined : raw.get(styleId);
    if (!styleId || !style || depth > 20) return PLAIN_STYLE;
    const known = resolved.get(styleId);
    if (known) return known;
    const parent = resolve(style.basedOn, depth + 1);
    const result: ResolvedStyle = {
      bold: style.bold ?? parent.bold,
      italic: style.italic ?? parent.italic,
      heading: style.heading ?? parent.heading,
      list: style.list ?? parent.list,
    };
    resolved.set(styleId, result);
    return result;
  };
  return { resolve: (styleId) => resolve(styleId) };
}
