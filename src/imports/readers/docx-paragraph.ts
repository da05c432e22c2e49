import type { Paragraph } from '../grid-model.ts';
import type { Emphasis } from './detect-paragraphs.ts';
import type { ListMark } from './docx-numbering.ts';
import { listReference, type DocxStyles, type ListReference } from './docx-styles.ts';
import { elementChildren, isW, wAttr, wChild, wInt, wToggle } from './docx-xml.ts';

/**
 * One w:p element as grid paragraphs: its visible text (inserted text kept, deleted text and field codes left out),
 * bold/italic when every run with text has it, a heading level from its style or outline level, and its list mark:
 * a bullet, or the number Word would show, written in front of the text. A manual line break (Shift+Enter) starts
 * a new grid paragraph with the same emphasis.
 */
export interface DocxContext {
  styles: DocxStyles;
  nextListMark: (reference: ListReference) => ListMark | null;
}

type Piece = { text: string; bold: boolean; italic: boolean } | 'break';

/** Elements whose content is not shown as text in the paragraph. */
const HIDDEN = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'delText', 'instrText', 'drawing', 'pict', 'object']);

function readRun(run: Element, base: Emphasis, context: DocxContext, pieces: Piece[]): void {
  const properties = wChild(run, 'rPr');
  const characterStyle = context.styles.resolve(wAttr(wChild(properties, 'rStyle')));
  const bold = wToggle(properties, 'b') ?? (characterStyle.bold || base.bold);
  const italic = wToggle(properties, 'i') ?? (characterStyle.italic || base.italic);
  for (const child of elementChildren(run)) {
    if (isW(child, 't')) pieces.push({ text: child.textContent ?? '', bold, italic });
    else if (isW(child, 'tab')) pieces.push({ text: ' ', bold, italic });
    else if (isW(child, 'noBreakHyphen')) pieces.push({ text: '-', bold, italic });
    else if (isW(child, 'br') || isW(child, 'cr')) pieces.push('break');
  }
}

function collect(element: Element, base: Emphasis, context: DocxContext, pieces: Piece[]): void {
  for (const child of elementChildren(element)) {
    if (isW(child, 'r')) readRun(child, base, context, pieces);
    else if (!HIDDEN.has(child.localName) && child.localName !== 'AlternateContent') collect(child, base, context, pieces);
  }
}

function lines(pieces: Piece[], joinBreaks: boolean): Omit<Paragraph, 'bullet' | 'heading'>[] {
  const grouped: Exclude<Piece, 'break'>[][] = [[]];
  for (const piece of pieces) {
    if (piece === 'break' && !joinBreaks) grouped.push([]);
    else grouped[grouped.length - 1]!.push(piece === 'break' ? { text: ' ', bold: false, italic: false } : piece);
  }
  return grouped.flatMap((line) => {
    const text = line.map((piece) => piece.text).join('').replace(/\s+/g, ' ').trim();
    const visible = line.filter((piece) => piece.text.trim() !== '');
    if (text === '') return [];
    return [{ text, bold: visible.every((piece) => piece.bold), italic: visible.every((piece) => piece.italic) }];
  });
}

function headingOf(properties: Element | undefined, styleHeading: number | null): number | null {
  const outline = wInt(wChild(properties, 'outlineLvl'));
  if (outline !== undefined) return outline < 6 ? outline + 1 : null;
  return styleHeading;
}

export function readParagraph(paragraph: Element, context: DocxContext): Paragraph[] {
  const properties = wChild(paragraph, 'pPr');
  const style = context.styles.resolve(wAttr(wChild(properties, 'pStyle')));
  const reference = listReference(properties) ?? style.list;
  const mark = reference && reference.numId !== '0' ? context.nextListMark(reference) : null;
  const pieces: Piece[] = [];
  collect(paragraph, { bold: style.bold, italic: style.italic }, context, pieces);
  const heading = headingOf(properties, style.heading);
  return lines(pieces, mark !== null).map((line, index) => {
    const label = index === 0 && mark?.kind === 'number' && mark.label !== '' ? `${mark.label} ` : '';
    return { ...line, text: label + line.text, bullet: mark?.kind === 'bullet', heading };
  });
}
