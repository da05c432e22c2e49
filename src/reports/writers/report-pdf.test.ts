import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withImplications } from '../model/sample-implications.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { withHostileRows } from '../model/sample-hostile.ts';
import { ragLabel } from '../model/rag.ts';
import type { ReportModel } from '../model/report-model.ts';
import { formatCount } from './report-dates.ts';
import { writeReportPdf } from './report-pdf.ts';

const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/');

/** The text of each page as pdfjs reads it: one string per drawn line, blanks dropped. */
async function pdfPages(buffer: Buffer): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(buffer), standardFontDataUrl: fonts }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : [])));
  }
  await doc.destroy();
  return pages;
}

describe('writeReportPdf', () => {
  const model = withHostileRows(buildSampleReport(40));
  let pages: string[][] = [];
  let lines: string[] = [];

  beforeAll(async () => {
    const buffer = await writeReportPdf(model);
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    pages = await pdfPages(buffer);
    lines = pages.flat();
  });

  it('numbers every page "Page N of M" and repeats the running header after the cover', () => {
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    const header = 'Corporate Improvement Plan 2025–27 – Cabinet – as at 30 September 2025';
    expect(pages[0]).not.toContain(header);
    for (const page of pages.slice(1)) expect(page).toContain(header);
  });

  it('gives the summary sentence and the counts by RAG rating, as a chart and a table', () => {
    const sentence = lines.find((line) => line.startsWith(`${model.summary.total} actions as at 30 September 2025:`));
    for (const entry of model.summary.byStatus) expect(sentence).toContain(`${formatCount(entry.count)} ${entry.status}`);
    const summary = pages.find((page) => page.includes('Summary')) ?? [];
    for (const entry of model.summary.byRag) {
      const label = summary.indexOf(ragLabel(entry.rag));
      expect(summary[label + 1]).toBe(formatCount(entry.count));
    }
  });

  it('lists red and amber actions and revised dates with their reasons', () => {
    const start = lines.indexOf('Actions rated red or amber');
    const exceptions = lines.slice(start, lines.indexOf('Progress in full'));
    for (const row of model.exceptions.redAmber) expect(exceptions).toContain(row.ref);
    for (const revision of model.exceptions.revisedDates) {
      const at = exceptions.indexOf(revision.ref ?? '', exceptions.indexOf('Target dates revised'));
      const text = exceptions.slice(at, at + 12).join(' ');
      expect(text).toContain(revision.to);
      expect(text).toContain(revision.reason);
    }
  });

  it('has every action’s ref, lead and status in the full table, with the RAG label', () => {
    const full = lines.slice(lines.indexOf('Progress in full'));
    const actions = model.rows.filter((row) => row.kind === 'action');
    let from = 0;
    actions.forEach((row, index) => {
      const start = full.indexOf(row.ref ?? '', from);
      const next = actions[index + 1];
      const end = next === undefined ? full.length : full.indexOf(next.ref ?? '', start + 1);
      expect(start, row.ref ?? '').toBeGreaterThan(-1);
      const text = full.slice(start, end).join(' ');
      expect(text).toContain(row.leads.join('; '));
      expect(text).toContain(row.status);
      expect(text).toContain(ragLabel(row.rag));
      from = start + 1;
    });
  });

  it('draws ’ – — £ and maps ■ ↑ → to glyphs Helvetica has', () => {
    expect(lines.join(' ')).toContain('Council’s £1.2m – “quoted” — • planned up up -> on');
  });

  it('repeats the caption and header row when a table runs onto another page', () => {
    const continued = pages.filter((page) => page.includes('All actions as at 30 September 2025 (continued)'));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) {
      const at = page.indexOf('All actions as at 30 September 2025 (continued)');
      expect(page.slice(at + 1, at + 8)).toEqual(['Ref', 'Action', 'Lead officer', 'Target date', 'Status', 'RAG', 'Progress']);
    }
  });
});

describe('writeReportPdf with a row taller than a page', () => {
  it('splits only that row, and no text is lost', async () => {
    const base = buildSampleReport(6);
    const long = Array.from({ length: 160 }, (_, i) => `Sentence ${i + 1} of a very long progress narrative.`).join(' ');
    const rows = base.rows.map((row, index) => (index === 3 ? { ...row, cells: { ...row.cells, progress: long } } : row));
    const model: ReportModel = { ...base, rows, sections: { ...base.sections, exceptions: false, changes: false, summary: false } };
    const text = (await pdfPages(await writeReportPdf(model))).flat().join(' ');
    expect(text).toContain('Sentence 1 of');
    expect(text).toContain('Sentence 160 of a very long progress narrative.');
    expect(text).toContain('All actions as at 30 September 2025 (continued)');
  });
});

describe('writeReportPdf: wider implications', () => {
  it('draws each heading with its text after the full table, and leaves the part out when unticked', async () => {
    const model = withImplications(buildSampleReport(6));
    const lines = (await pdfPages(await writeReportPdf(model))).flat();
    const start = lines.indexOf('Wider implications');
    expect(start).toBeGreaterThan(lines.indexOf('Progress in full'));
    const part = lines.slice(start, lines.indexOf('Appendix A: measures')).join(' ');
    expect(part).toContain('Financial A £200,000 estimated contingency budget has been included for 2017/18 onwards. Amount: £200,000');
    expect(part).toContain('Impact on equality There are no adverse impacts on equality issues. An equality impact assessment');
    const unticked = (await pdfPages(await writeReportPdf({ ...model, sections: { ...model.sections, implications: false } }))).flat();
    expect(unticked).not.toContain('Wider implications');
  });
});
