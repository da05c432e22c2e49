import { ragColours } from '../model/rag.ts';
import { contentWidth, drawLine, ensureSpace, page, wrapText } from './pdf-context.ts';
import type { PdfContext, PdfFont } from './pdf-context.ts';
import { drawPdfTable } from './pdf-table.ts';
import { toWinAnsi } from './pdf-text.ts';
import type { OutlineBar, OutlineBlock } from './outline-types.ts';
import { formatCount } from './report-dates.ts';

/** Wrapped text; each line moves to a new page when it would run past the bottom. */
export function drawText(
  ctx: PdfContext, text: string, options: { font?: PdfFont; size?: number; indent?: number; colour?: string } = {},
): void {
  const font = options.font ?? 'Helvetica';
  const size = options.size ?? 10;
  const indent = options.indent ?? 0;
  const lineHeight = size * 1.3;
  ctx.doc.fillColor(options.colour ?? '#0B0C0C');
  for (const line of wrapText(ctx, font, size, toWinAnsi(text), contentWidth - indent)) {
    ensureSpace(ctx, lineHeight);
    drawLine(ctx, font, size, line, page.left + indent, ctx.y);
    ctx.y += lineHeight;
  }
}

function drawChart(ctx: PdfContext, title: string, bars: readonly OutlineBar[]): void {
  const { doc } = ctx;
  const rowHeight = 20;
  ensureSpace(ctx, 18 + bars.length * rowHeight);
  drawText(ctx, title, { font: 'Helvetica-Bold', size: 11 });
  ctx.y += 4;
  const labelWidth = 110;
  const barSpace = 360;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  for (const bar of bars) {
    const width = Math.round((bar.count / max) * barSpace);
    doc.fillColor('#0B0C0C');
    drawLine(ctx, 'Helvetica', 10, toWinAnsi(bar.label), page.left, ctx.y + 4);
    if (width > 0) {
      doc.rect(page.left + labelWidth, ctx.y + 1, width, 15).fillAndStroke(`#${ragColours[bar.rag].fill}`, '#0B0C0C');
    }
    doc.fillColor('#0B0C0C');
    drawLine(ctx, 'Helvetica-Bold', 10, formatCount(bar.count), page.left + labelWidth + width + 6, ctx.y + 4);
    ctx.y += rowHeight;
  }
  ctx.y += 10;
}

export function drawPdfBlock(ctx: PdfContext, block: OutlineBlock): void {
  switch (block.type) {
    case 'subheading':
      ensureSpace(ctx, 40);
      ctx.y += 4;
      drawText(ctx, block.text, { font: 'Helvetica-Bold', size: 12 });
      ctx.y += 4;
      return;
    case 'paragraph':
      drawText(ctx, block.text);
      ctx.y += 6;
      return;
    case 'list':
      for (const item of block.items) {
        ensureSpace(ctx, 13);
        drawLine(ctx, 'Helvetica', 10, '•', page.left + 4, ctx.y);
        drawText(ctx, item, { indent: 16 });
      }
      ctx.y += 6;
      return;
    case 'chart':
      drawChart(ctx, block.title, block.bars);
      return;
    case 'table':
      if (block.table.rows.length === 0) {
        drawText(ctx, block.table.caption, { font: 'Helvetica-Bold', size: 10 });
        drawText(ctx, block.table.emptyText);
        ctx.y += 10;
      } else {
        drawPdfTable(ctx, block.table);
      }
  }
}
