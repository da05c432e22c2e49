import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createUser } from '../../test/factories/factories.ts';
import type { ReportModel, ReportRow } from './model/report-model.ts';
import { writeReportFile } from './report-files.ts';
import { importSeed004, reportRequest, seed004Statuses } from './reports.test-support.ts';

/**
 * Acceptance: the demonstration plan (seed 004 with its progress to 30 September 2013) gives a report whose every
 * file, opened with a reader, says how many actions are achieved, on target and not started, lists the revised
 * dates as exceptions, and has every action's ref, lead and status.
 */
let test: TestApp;
let model: ReportModel;
let actions: ReportRow[];
const files: Partial<Record<'docx' | 'pdf' | 'xlsx' | 'csv' | 'html', { fileName: string; bytes: Buffer }>> = {};

/** A spreadsheet cell's value as text: objects (rich text, formulas) as JSON rather than "[object Object]". */
function cellText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

beforeAll(async () => {
  test = await createTestApp();
  const { actor } = await createUser(test.database.db, { roles: ['admin'] });
  const planId = await importSeed004(test.services, actor);
  await test.database.db.updateTable('plans').set({ title: 'East Herts Improvement Plan 2013' }).where('id', '=', planId).execute();
  ({ model } = await test.services.reports.build(actor, reportRequest(planId, { audience: 'Cabinet' })));
  actions = model.rows.filter((row) => row.kind === 'action');
  for (const format of ['docx', 'pdf', 'xlsx', 'csv', 'html'] as const) files[format] = await writeReportFile(model, format);
});
afterAll(async () => test.close());

const file = (format: keyof typeof files) => {
  const found = files[format];
  if (!found) throw new Error(`no ${format}`);
  return found;
};
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);
const tableRows = (html: string) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) =>
  [...(row[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) => plain(cell[1] ?? '').trim()));
const leadOf = (ref: string) => actions.find((row) => row.ref === ref)?.leads.join('; ');

describe('the seed 004 report files', () => {
  it('are named <plan>-<audience>-<yyyy-mm-dd>.<ext>', () => {
    expect(file('docx').fileName).toBe(`east-herts-improvement-plan-2013-cabinet-${model.asAt}.docx`);
    expect(file('csv').fileName).toMatch(/-cabinet-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('DOCX (mammoth): the summary counts, the revised dates and every action’s ref, lead and status', async () => {
    const html = (await mammoth.convertToHtml({ buffer: file('docx').bytes })).value;
    const rows = tableRows(html);
    expect(plain(html)).toContain('27 actions as at');
    for (const [status, count] of [['Achieved', '12'], ['On target', '11'], ['Not started', '2']]) {
      expect(rows).toContainEqual([status, count, expect.any(String)]);
    }
    expect(rows).toContainEqual(['21', expect.any(String), expect.stringContaining('31 March 2013'), 'November 2013', 'Revised completion date from September 2013 to November 2013.', expect.stringMatching(/^Imported/), expect.any(String)]);
    expect(rows).toContainEqual(['25', expect.any(String), 'Autumn 2013', 'December 2013', 'Revised Completion Date from Autumn 2013 to December 2013.', expect.stringMatching(/^Imported/), expect.any(String)]);
    for (const [ref, status] of Object.entries(seed004Statuses)) {
      const row = rows.filter((cells) => cells[0] === ref && cells.length === 7).at(-1);
      expect(row?.[2], `action ${ref}`).toBe(leadOf(ref));
      expect(row?.[4], `action ${ref}`).toBe(status);
    }
  });

  it('XLSX (exceljs): one row per action with its ref, lead and status, and the summary sheet’s counts', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file('xlsx').bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Actions');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(['Theme', 'Type', 'Ref', 'Action', 'Lead officer', 'Target date', 'Status', 'RAG', 'Progress']);
    const found = new Map<string, string[]>();
    sheet?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values[1] === 'Action') found.set(values[2] ?? '', values);
    });
    expect(found.size).toBe(27);
    for (const [ref, status] of Object.entries(seed004Statuses)) {
      expect(found.get(ref)?.[4], `action ${ref}`).toBe(leadOf(ref));
      expect(found.get(ref)?.[6], `action ${ref}`).toBe(status);
    }
    const summary: string[][] = [];
    workbook.getWorksheet('Summary')?.eachRow((row) => summary.push((row.values as unknown[]).slice(1).map(cellText)));
    expect(summary).toContainEqual(expect.arrayContaining(['Achieved', '12']));
    expect(summary).toContainEqual(expect.arrayContaining(['Not started', '2']));
  });

  it('CSV (csv-parse): every action’s ref, lead and status', () => {
    const records = parse<Record<string, string>>(file('csv').bytes.toString('utf8'), { bom: true, columns: true });
    const byRef = new Map(records.filter((record) => record.Type === 'Action').map((record) => [record.Ref, record]));
    for (const [ref, status] of Object.entries(seed004Statuses)) {
      expect(byRef.get(ref)?.['Lead officer'], `action ${ref}`).toBe(leadOf(ref));
      expect(byRef.get(ref)?.Status, `action ${ref}`).toBe(status);
    }
    expect(records.filter((record) => record.Status === 'Achieved')).toHaveLength(12);
  });

  it('PDF (pdfjs-dist): the summary sentence, the revised dates and every action’s ref, lead and status', async () => {
    const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/');
    const doc = await getDocument({ data: new Uint8Array(file('pdf').bytes), standardFontDataUrl: fonts }).promise;
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      lines.push(...content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : [])));
    }
    await doc.destroy();
    const text = lines.join(' ');
    expect(text).toMatch(/27 actions as at \d+ \w+ \d{4}: 12 Achieved, 11 On target, 2 Not started, 1 Achieved and more planned, 1 Revised\./);
    const revised = lines.slice(lines.indexOf('Target dates revised')).join(' ');
    expect(revised).toContain('Revised Completion Date from Autumn 2013 to December 2013.');
    expect(revised).toContain('Revised completion date from September 2013 to November 2013.');
    const full = lines.slice(lines.indexOf('Progress in full'));
    let from = 0;
    for (const [index, [ref, status]] of Object.entries(seed004Statuses).entries()) {
      const start = full.indexOf(ref, from);
      const next = full.indexOf(String(index + 2), start + 1);
      const row = full.slice(start, next === -1 ? undefined : next).join(' ');
      expect(start, `action ${ref}`).toBeGreaterThan(-1);
      expect(row, `action ${ref}`).toContain(leadOf(ref));
      expect(row, `action ${ref}`).toContain(status);
      from = start + 1;
    }
  });

  it('HTML: a whole page with the summary, the exceptions and every action', () => {
    const html = file('html').bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    const rows = tableRows(html);
    expect(rows).toContainEqual(['Achieved', '12', '44%']);
    expect(rows.filter((cells) => cells[0] === '25' && cells[3] === 'December 2013')).toHaveLength(1);
    for (const [ref, status] of Object.entries(seed004Statuses)) {
      expect(rows.some((cells) => cells[0] === ref && cells[2] === leadOf(ref) && cells[4] === status), `action ${ref}`).toBe(true);
    }
  });
});
