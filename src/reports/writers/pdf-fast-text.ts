import iconv from 'iconv-lite';
import { winAnsiExtras } from './pdf-text.ts';

/**
 * Writes lines of text straight into the page's content stream, one BT…ET block per cell. pdfkit's `text()` measures
 * every line twice and kerns every character pair on each call, which made a 2,000-action report take ~2.5 s; this
 * takes a tenth of that. Text is drawn unkerned, so callers measure it unkerned too (see `measure` in
 * pdf-context.ts). It relies on three pdfkit internals (the current font's `id`, `ascender` and `ref()`); if a
 * pdfkit upgrade removes them, `fastTextFont` returns null and callers fall back to `doc.text()`.
 */
interface PdfkitFont {
  id: string;
  ascender: number;
  ref(): unknown;
}

/** The part of a pdfkit page this writes to: its font resources by id (typed `any` in @types/pdfkit). */
interface PdfkitPageFonts {
  fonts: Record<string, unknown>;
}

export function fastTextFont(doc: PDFKit.PDFDocument): PdfkitFont | null {
  const font: unknown = Reflect.get(doc, '_font');
  if (typeof font !== 'object' || font === null) return null;
  const { id, ascender, ref } = font as Record<string, unknown>;
  if (typeof id !== 'string' || typeof ascender !== 'number' || typeof ref !== 'function') return null;
  return font as PdfkitFont;
}

const extraCodes = iconv.encode(winAnsiExtras, 'win1252');
const extraBytes = new Map([...winAnsiExtras].map((char, i) => [char, extraCodes[i] ?? 0x3f]));

function escapeChar(char: string): string {
  if (char === '(' || char === ')' || char === '\\') return `\\${char}`;
  const code = extraBytes.get(char) ?? char.charCodeAt(0) & 0xff;
  return `\\${code.toString(8).padStart(3, '0')}`;
}

/** A PDF literal string in WinAnsi: parentheses and backslashes escaped, bytes outside printable ASCII in octal. */
function pdfString(text: string): string {
  return `(${text.replace(/[()\\]|[^\x20-\x7e]/g, escapeChar)})`;
}

function num(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/** Draws `lines` (WinAnsi-safe text) with the first line's top at (x, y), in the document's current font and size. */
export function drawLinesFast(
  doc: PDFKit.PDFDocument, font: PdfkitFont, size: number, lines: readonly string[], x: number, y: number, lineHeight: number,
): void {
  if (lines.length === 0) return;
  const page: PdfkitPageFonts = doc.page;
  page.fonts[font.id] ??= font.ref();
  const baseline = doc.page.height - y - (font.ascender / 1000) * size;
  const ops = [`q 1 0 0 -1 0 ${num(doc.page.height)} cm BT /${font.id} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(baseline)} Tm`];
  lines.forEach((line, index) => {
    if (index > 0) ops.push(`0 ${num(-lineHeight)} Td`);
    ops.push(`${pdfString(line)} Tj`);
  });
  ops.push('ET Q');
  doc.addContent(ops.join('\n'));
}
