import { ragColours } from '../model/rag.ts';
import { contentBottom, contentWidth, drawLine, drawLines, ensureSpace, measure, newPage, page, wrapText } from './pdf-context.ts';
import type { PdfContext, PdfFont } from './pdf-context.ts';
import { toWinAnsi } from './pdf-text.ts';
import type { OutlineRow, OutlineTable } from './outline-types.ts';

const size = 8;
const lineHeight = 9.6;
const pad = 3;
const indentStep = 8;
const border = '#B1B4B6';
const headingFill = ['#DEE0E2', '#EDEEEF', '#F5F5F6'];

interface LaidCell {
  lines: string[]; font: PdfFont; x: number; width: number; fill: string | null; colour: string; right: boolean; indent: number;
}
interface LaidRow { cells: LaidCell[]; lineCount: number }

function columnWidths(table: OutlineTable): number[] {
  const total = table.columns.reduce((sum, col) => sum + col.width, 0);
  return table.columns.map((col) => (col.width / total) * contentWidth * table.widthShare);
}

function layRow(ctx: PdfContext, table: OutlineTable, row: OutlineRow, widths: readonly number[], header: boolean): LaidRow {
  if (row.heading) {
    const indent = Math.min(row.depth, 4) * indentStep;
    const width = widths.reduce((sum, w) => sum + w, 0);
    const lines = wrapText(ctx, 'Helvetica-Bold', size, toWinAnsi(row.cells[0]?.text ?? ''), width - 2 * pad - indent);
    const fill = headingFill[Math.min(row.depth, 2)] ?? null;
    const cell: LaidCell = { lines, font: 'Helvetica-Bold', x: page.left, width, fill, colour: '#0B0C0C', right: false, indent };
    return { cells: [cell], lineCount: Math.max(1, lines.length) };
  }
  let x = page.left;
  const cells = widths.map((width, index): LaidCell => {
    const cell = row.cells[index] ?? { text: '', rag: null };
    const indent = index === table.indentColumn ? Math.min(row.depth, 4) * indentStep : 0;
    const font: PdfFont = header || cell.rag !== null ? 'Helvetica-Bold' : 'Helvetica';
    const lines = wrapText(ctx, font, size, toWinAnsi(cell.text), width - 2 * pad - indent);
    const colours = cell.rag === null ? null : ragColours[cell.rag];
    const laid = {
      lines, font, x, width, indent, right: !header && table.columns[index]?.numeric === true,
      fill: header ? '#DEE0E2' : colours === null ? null : `#${colours.fill}`, colour: colours === null ? '#0B0C0C' : `#${colours.text}`,
    };
    x += width;
    return laid;
  });
  return { cells, lineCount: Math.max(1, ...cells.map((cell) => cell.lines.length)) };
}

/** Draws lines [from, from + count) of a laid-out row at ctx.y and moves below it. */
function drawSlice(ctx: PdfContext, row: LaidRow, from: number, count: number): void {
  const { doc } = ctx;
  const height = count * lineHeight + 2 * pad;
  for (const cell of row.cells) {
    if (cell.fill !== null) doc.rect(cell.x, ctx.y, cell.width, height).fill(cell.fill);
  }
  for (const cell of row.cells) doc.rect(cell.x, ctx.y, cell.width, height);
  doc.lineWidth(0.5).strokeColor(border).stroke();
  let colour = '';
  for (const cell of row.cells) {
    if (cell.colour !== colour) doc.fillColor((colour = cell.colour));
    const lines = cell.lines.slice(from, from + count);
    if (!cell.right) {
      drawLines(ctx, cell.font, size, lines, cell.x + pad + cell.indent, ctx.y + pad, lineHeight);
      continue;
    }
    lines.forEach((line, i) => {
      const x = cell.x + cell.width - pad - measure(ctx, cell.font, size, line);
      drawLines(ctx, cell.font, size, [line], x, ctx.y + pad + i * lineHeight, lineHeight);
    });
  }
  ctx.y += height;
}

function drawCaption(ctx: PdfContext, caption: string): void {
  ctx.doc.fillColor('#0B0C0C');
  drawLine(ctx, 'Helvetica-Bold', 10, toWinAnsi(caption), page.left, ctx.y);
  ctx.y += 15;
}

/**
 * Draws a table that splits cleanly across pages: a table that fits on one page is kept together, the caption
 * (marked "continued") and header row repeat on each new page, and a row is only split when it is taller than a page.
 */
export function drawPdfTable(ctx: PdfContext, table: OutlineTable): void {
  const widths = columnWidths(table);
  const headerRow = layRow(ctx, table, { cells: table.columns.map((col) => ({ text: col.label, rag: null })), heading: false, depth: 0 }, widths, true);
  const headerHeight = headerRow.lineCount * lineHeight + 2 * pad;
  const startPage = (continued: boolean) => {
    drawCaption(ctx, continued ? `${table.caption} (continued)` : table.caption);
    drawSlice(ctx, headerRow, 0, headerRow.lineCount);
  };
  const rows = table.rows.map((row) => layRow(ctx, table, row, widths, false));
  const rowHeight = (row: LaidRow) => row.lineCount * lineHeight + 2 * pad;
  const whole = rows.reduce((sum, row) => sum + rowHeight(row), 15 + headerHeight);
  const first = rows[0] === undefined ? 0 : Math.min(rowHeight(rows[0]), 200);
  ensureSpace(ctx, whole <= contentBottom - page.top ? whole : 15 + headerHeight + first);
  startPage(false);
  const pageLines = Math.floor((contentBottom - page.top - 15 - headerHeight - 2 * pad) / lineHeight);
  for (const row of rows) {
    let from = 0;
    let freshPage = false;
    while (from < row.lineCount) {
      const remaining = row.lineCount - from;
      const fits = Math.floor((contentBottom - ctx.y - 2 * pad) / lineHeight);
      if (!freshPage && fits < remaining && (remaining <= pageLines || fits < 1)) {
        newPage(ctx);
        startPage(true);
        freshPage = true;
        continue;
      }
      const count = Math.max(1, Math.min(fits, remaining));
      drawSlice(ctx, row, from, count);
      from += count;
      freshPage = false;
    }
  }
  ctx.y += 12;
}
