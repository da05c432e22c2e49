import PDFDocument from 'pdfkit';
import { drawLinesFast, fastTextFont } from './pdf-fast-text.ts';
import { toWinAnsi } from './pdf-text.ts';

export type PdfFont = 'Helvetica' | 'Helvetica-Bold';

/** A4 landscape, in points. Content sits between the running header and the footer. */
export const page = { width: 841.89, height: 595.28, left: 36, right: 36, top: 58, bottom: 50 };
export const contentWidth = page.width - page.left - page.right;
export const contentBottom = page.height - page.bottom;

/** The document being drawn, where the next thing goes, and measured word widths (words repeat a great deal). */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  y: number;
  widths: Map<string, WidthTable>;
}

export function createPdfContext(info: { title: string; author: string; subject: string }): PdfContext {
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', bufferPages: true, lang: 'en-GB', displayTitle: true,
    margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
    info: { Title: toWinAnsi(info.title), Author: toWinAnsi(info.author), Subject: toWinAnsi(info.subject) },
  });
  return { doc, y: page.top, widths: new Map() };
}

export function newPage(ctx: PdfContext): void {
  ctx.doc.addPage();
  ctx.y = page.top;
}

/** Starts a new page unless there is `height` left on this one. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (ctx.y + height > contentBottom && ctx.y > page.top) newPage(ctx);
}

/** Widths of single characters and of whole words for one font and size. */
interface WidthTable { chars: Map<string, number>; texts: Map<string, number> }

function widthTable(ctx: PdfContext, font: PdfFont, size: number): WidthTable {
  const key = `${font}/${size}`;
  let table = ctx.widths.get(key);
  if (table === undefined) {
    table = { chars: new Map(), texts: new Map() };
    ctx.widths.set(key, table);
  }
  return table;
}

function measureIn(ctx: PdfContext, table: WidthTable, font: PdfFont, size: number, text: string): number {
  let width = table.texts.get(text);
  if (width !== undefined) return width;
  width = 0;
  for (const char of text) {
    let charWidth = table.chars.get(char);
    if (charWidth === undefined) {
      charWidth = ctx.doc.font(font).fontSize(size).widthOfString(char);
      table.chars.set(char, charWidth);
    }
    width += charWidth;
  }
  table.texts.set(text, width);
  return width;
}

/** The width of text as drawn (unkerned, see pdf-fast-text.ts), cached by font, size and text. */
export function measure(ctx: PdfContext, font: PdfFont, size: number, text: string): number {
  return measureIn(ctx, widthTable(ctx, font, size), font, size, text);
}

function breakWord(ctx: PdfContext, font: PdfFont, size: number, word: string, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(ctx, font, size, piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Greedy word wrap; text must already be WinAnsi-safe. Blank text gives no lines. */
export function wrapText(ctx: PdfContext, font: PdfFont, size: number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  const table = widthTable(ctx, font, size);
  const space = measureIn(ctx, table, font, size, ' ');
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const width = measureIn(ctx, table, font, size, word);
      if (line !== '' && lineWidth + space + width <= maxWidth) {
        line += ` ${word}`;
        lineWidth += space + width;
        continue;
      }
      if (line !== '') lines.push(line);
      if (width <= maxWidth) {
        line = word;
        lineWidth = width;
        continue;
      }
      const pieces = breakWord(ctx, font, size, word, maxWidth);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
      lineWidth = measure(ctx, font, size, line);
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Draws lines of WinAnsi-safe text, the first with its top at (x, y). */
export function drawLines(
  ctx: PdfContext, font: PdfFont, size: number, lines: readonly string[], x: number, y: number, lineHeight: number,
): void {
  const doc = ctx.doc.font(font).fontSize(size);
  const fast = fastTextFont(doc);
  if (fast !== null) {
    drawLinesFast(doc, fast, size, lines, x, y, lineHeight);
    return;
  }
  lines.forEach((line, index) => doc.text(line, x, y + index * lineHeight, { lineBreak: false }));
}

export function drawLine(ctx: PdfContext, font: PdfFont, size: number, text: string, x: number, y: number): void {
  drawLines(ctx, font, size, [text], x, y, 0);
}
