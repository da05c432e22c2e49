import type { ReportModel } from '../model/report-model.ts';
import { drawText } from './pdf-blocks.ts';
import { contentWidth, drawLine, measure, page, wrapText } from './pdf-context.ts';
import type { PdfContext } from './pdf-context.ts';
import { toWinAnsi } from './pdf-text.ts';
import { coverFacts } from './report-outline.ts';

/** The front sheet: logo, organisation, title, plan and the details table. Without a cover, just the title. */
export function drawPdfCover(ctx: PdfContext, model: ReportModel): void {
  const facts = coverFacts(model);
  if (model.sections.cover && model.logo !== null) {
    const points = { width: model.logo.width * 0.75, height: model.logo.height * 0.75 };
    ctx.doc.image(Buffer.from(model.logo.base64, 'base64'), page.left, ctx.y, { fit: [points.width, points.height] });
    ctx.y += points.height + 16;
  }
  drawText(ctx, facts.organisationName, { size: 14, colour: '#505A5F' });
  ctx.y += 4;
  drawText(ctx, facts.title, { font: 'Helvetica-Bold', size: model.sections.cover ? 28 : 20 });
  ctx.y += 6;
  if (!model.sections.cover) return;
  drawText(ctx, facts.planTitle, { size: 16 });
  ctx.y += 20;
  const labelWidth = Math.max(...facts.details.map((detail) => measure(ctx, 'Helvetica-Bold', 11, toWinAnsi(detail.label)))) + 24;
  for (const detail of facts.details) {
    const lines = wrapText(ctx, 'Helvetica', 11, toWinAnsi(detail.value), contentWidth - labelWidth);
    ctx.doc.fillColor('#0B0C0C');
    drawLine(ctx, 'Helvetica-Bold', 11, toWinAnsi(detail.label), page.left, ctx.y);
    lines.forEach((line, i) => drawLine(ctx, 'Helvetica', 11, line, page.left + labelWidth, ctx.y + i * 14));
    ctx.y += Math.max(1, lines.length) * 14 + 8;
    ctx.doc.moveTo(page.left, ctx.y - 4).lineTo(page.left + contentWidth, ctx.y - 4).lineWidth(0.5).strokeColor('#B1B4B6').stroke();
  }
}
