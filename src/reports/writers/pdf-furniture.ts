import type { ReportModel } from '../model/report-model.ts';
import { contentWidth, drawLine, measure, page } from './pdf-context.ts';
import type { PdfContext } from './pdf-context.ts';
import { toWinAnsi } from './pdf-text.ts';
import { formatReportDate } from './report-dates.ts';

/**
 * Once every page exists (pdfkit buffers them): the running header (plan, audience, as-at date) on every page but a
 * cover, and "Page N of M" on every page.
 */
export function drawPageFurniture(ctx: PdfContext, model: ReportModel): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const header = toWinAnsi(`${model.planTitle} – ${model.audience} – as at ${formatReportDate(model.asAt)}`);
  const organisation = toWinAnsi(model.organisationName);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    doc.fillColor('#505A5F');
    if (index > range.start || !model.sections.cover) {
      drawLine(ctx, 'Helvetica', 8, header, page.left, 26);
      doc.moveTo(page.left, 40).lineTo(page.left + contentWidth, 40).lineWidth(0.5).strokeColor('#B1B4B6').stroke();
    }
    const footer = `Page ${index - range.start + 1} of ${range.count}`;
    doc.fillColor('#505A5F');
    drawLine(ctx, 'Helvetica', 8, organisation, page.left, page.height - 32);
    drawLine(ctx, 'Helvetica', 8, footer, page.left + contentWidth - measure(ctx, 'Helvetica', 8, footer), page.height - 32);
  }
}
