import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildSampleReport } from '../model/sample-report.ts';
import { hostileText, withHostileRows } from '../model/sample-hostile.ts';
import { writeReportCsv } from './report-csv.ts';

describe('writeReportCsv', () => {
  const model = withHostileRows(buildSampleReport(40));
  const csv = writeReportCsv(model);
  const records: Record<string, string>[] = parse(csv, { bom: true, columns: true });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFTheme,Type,Ref,Action,Lead officer,Target date,Status,RAG,Progress');
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('has one row per item with every action’s ref, lead and status', () => {
    expect(records).toHaveLength(model.rows.length);
    const byRef = new Map(records.map((record) => [record.Ref, record]));
    for (const row of model.rows.filter((r) => r.kind === 'action' && r.theme !== 'Hostile text')) {
      const record = byRef.get(row.ref ?? '');
      expect(record?.['Lead officer']).toBe(row.leads.join('; '));
      expect(record?.Status).toBe(row.status);
      expect(record?.Type).toBe('Action');
    }
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const withComma = records.find((record) => record['Lead officer']?.includes(','));
    expect(withComma).toBeDefined();
    expect(records.find((record) => record.Ref === '9.9.1')?.Action).toBe(hostileText.markup);
  });

  it('escapes text that a spreadsheet would run as a formula', () => {
    const hostile = (ref: string) => records.find((record) => record.Ref === ref);
    expect(hostile('9.9.1')?.Progress).toBe(`'${hostileText.formula}`);
    expect(hostile('9.9.2')?.Action).toBe(`'${hostileText.plus}`);
    expect(hostile('9.9.2')?.['Lead officer']).toBe(`'${hostileText.at}`);
    expect(hostile('9.9.2')?.Progress).toBe(`'${hostileText.minus}`);
    expect(hostile('9.9.3')?.Status).toBe(`'-`);
    expect(hostile('9.9.3')?.Progress).toBe(hostileText.symbols);
    for (const record of records) {
      for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
