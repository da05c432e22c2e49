import type { ReportFormat } from '../db/schema.ts';
import type { ReportModel } from './model/report-model.ts';
import { reportFileName } from './writers/file-name.ts';
import { writeReportCsv } from './writers/report-csv.ts';
import type * as DocxWriter from './writers/report-docx.ts';
import { renderReportHtml } from './writers/report-html.ts';
import type * as PdfWriter from './writers/report-pdf.ts';
import { writeReportXlsx } from './writers/report-xlsx.ts';

export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The formats in the order they are offered, with how each is named to people. */
export const reportFormats: readonly { format: ReportFormat; label: string; contentType: string }[] = [
  { format: 'docx', label: 'Word document (DOCX)', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { format: 'pdf', label: 'PDF', contentType: 'application/pdf' },
  { format: 'xlsx', label: 'Excel workbook (XLSX)', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { format: 'csv', label: 'CSV (one row per item)', contentType: 'text/csv; charset=utf-8' },
  { format: 'html', label: 'Web page (HTML, prints as the report)', contentType: 'text/html; charset=utf-8' },
];

export const isReportFormat = (value: unknown): value is ReportFormat => reportFormats.some((entry) => entry.format === value);

let docxWriter: Promise<typeof DocxWriter> | undefined;
let pdfWriter: Promise<typeof PdfWriter> | undefined;
/** The DOCX and PDF writers, with docx and pdfkit, are loaded on the first such download rather than when the app starts. */
const loadDocxWriter = () => (docxWriter ??= import('./writers/report-docx.ts'));
const loadPdfWriter = () => (pdfWriter ??= import('./writers/report-pdf.ts'));

async function write(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx': return (await loadDocxWriter()).writeReportDocx(model);
    case 'pdf': return (await loadPdfWriter()).writeReportPdf(model);
    case 'xlsx': return writeReportXlsx(model);
    case 'csv': return Buffer.from(writeReportCsv(model), 'utf8');
    case 'html': return Buffer.from(renderReportHtml(model, { standalone: true }), 'utf8');
  }
}

/** One format of the report, named `<plan>-<audience>-<yyyy-mm-dd>.<ext>`. */
export async function writeReportFile(model: ReportModel, format: ReportFormat): Promise<ReportFile> {
  const entry = reportFormats.find((candidate) => candidate.format === format);
  if (!entry) throw new Error(`Unknown report format ${format}`);
  return { format, fileName: reportFileName(model.planTitle, model.audience, model.asAt, format), contentType: entry.contentType, bytes: await write(model, format) };
}

/** A Content-Disposition header for a download, with the name in plain ASCII and as UTF-8 (RFC 6266). */
export const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
