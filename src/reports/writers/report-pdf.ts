import type { ReportModel } from '../model/report-model.ts';
import { drawPdfBlock, drawText } from './pdf-blocks.ts';
import { createPdfContext, newPage } from './pdf-context.ts';
import { drawPdfCover } from './pdf-cover.ts';
import { drawPageFurniture } from './pdf-furniture.ts';
import { reportOutline } from './report-outline.ts';

/**
 * The committee report as an A4 landscape PDF drawn with pdfkit's built-in Helvetica: a cover, each part starting
 * on a new page, tables that repeat their header row on every page, RAG cells filled and labelled, a running
 * header and "Page N of M" footers.
 */
export async function writeReportPdf(model: ReportModel): Promise<Buffer> {
  const ctx = createPdfContext({ title: `${model.title}: ${model.planTitle}`, author: model.organisationName, subject: model.audience });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    ctx.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    ctx.doc.on('end', () => resolve(Buffer.concat(chunks)));
    ctx.doc.on('error', reject);
  });
  drawPdfCover(ctx, model);
  reportOutline(model).forEach((part, index) => {
    if (model.sections.cover || index > 0) newPage(ctx);
    else ctx.y += 10;
    drawText(ctx, part.heading, { font: 'Helvetica-Bold', size: 18 });
    ctx.y += 8;
    for (const block of part.blocks) drawPdfBlock(ctx, block);
  });
  drawPageFurniture(ctx, model);
  ctx.doc.end();
  return await done;
}
