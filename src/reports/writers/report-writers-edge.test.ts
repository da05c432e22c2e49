import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { reportModelSchema } from '../model/report-model.ts';
import type { ReportModel } from '../model/report-model.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { summariseRows } from '../model/summarise-rows.ts';
import { writeReportCsv } from './report-csv.ts';
import { writeReportDocx } from './report-docx.ts';
import { renderReportHtml } from './report-html.ts';
import { writeReportPdf } from './report-pdf.ts';
import { writeReportXlsx } from './report-xlsx.ts';

/** A 1×1 PNG. */
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function emptyReport(): ReportModel {
  const base = buildSampleReport(5);
  return {
    ...base, rows: [], summary: summariseRows([]), changes: null, measures: [], risks: [], introduction: [], recommendations: [],
    exceptions: { redAmber: [], overdue: [], revisedDates: [], correctiveActions: [] },
  };
}

describe('report writers at the edges', () => {
  it('write every format for a report with nothing in it, saying so rather than drawing empty tables', async () => {
    const model = emptyReport();
    expect(reportModelSchema.safeParse(model).success).toBe(true);
    const html = renderReportHtml(model, { standalone: true });
    expect(html).toContain('No actions are rated red or amber.');
    expect(html).toContain('No earlier report has been issued, so there are no changes to show.');
    expect(html).not.toContain('Appendix');
    const docx = (await mammoth.extractRawText({ buffer: await writeReportDocx(model) })).value;
    expect(docx).toContain('There are no actions in this report.');
    expect((await writeReportPdf(model)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await writeReportXlsx(model)).length).toBeGreaterThan(1000);
    expect(writeReportCsv(model)).toBe('\uFEFFTheme,Type,Ref,Action,Lead officer,Target date,Status,RAG,Progress\r\n');
  });

  it('draw the council’s logo on the cover with its alternative text', async () => {
    const model: ReportModel = { ...buildSampleReport(5), logo: { mediaType: 'image/png', base64: png, alt: 'Borsetshire crest', width: 120, height: 60 } };
    const html = renderReportHtml(model, { standalone: false });
    expect(html).toContain(`<img class="waymark-logo" src="data:image/png;base64,${png}" alt="Borsetshire crest" width="120" height="60">`);
    const docx = await mammoth.convertToHtml({ buffer: await writeReportDocx(model) });
    expect(docx.value).toContain('alt="Borsetshire crest"');
    expect((await writeReportPdf(model)).includes('/Subtype /Image')).toBe(true);
  });

  it('add a RAG column to the spreadsheet exports when the plan’s columns have none', () => {
    const base = buildSampleReport(5);
    const model = { ...base, columns: base.columns.filter((col) => col.kind !== 'rag') };
    const [header, , , firstAction] = writeReportCsv(model).split('\r\n');
    expect(header).toBe('\uFEFFTheme,Type,Ref,Action,Lead officer,Target date,Status,Progress,RAG');
    expect(firstAction).toMatch(/,(Red|Amber|Green|Blue – complete|No rating)$/);
  });
});
