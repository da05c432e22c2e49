import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleReport } from '../model/sample-report.ts';
import { hostileText, withHostileRows } from '../model/sample-hostile.ts';
import { ragLabel } from '../model/rag.ts';
import { changeKindLabels } from './outline-appendices.ts';
import { writeReportXlsx } from './report-xlsx.ts';

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

function text(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

describe('writeReportXlsx', () => {
  const model = withHostileRows(buildSampleReport(40));
  const workbook = new ExcelJS.Workbook();
  let actions: ExcelJS.Worksheet;
  let summary: ExcelJS.Worksheet;
  const header: string[] = [];

  beforeAll(async () => {
    const buffer = await writeReportXlsx(model);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const found = [workbook.getWorksheet('Actions'), workbook.getWorksheet('Summary')];
    if (found[0] === undefined || found[1] === undefined) throw new Error('missing sheet');
    [actions, summary] = found;
    actions.getRow(1).eachCell((cell) => header.push(text(cell)));
  });

  const column = (label: string) => header.indexOf(label) + 1;

  it('has a frozen header row with filters on every column', () => {
    expect(header).toEqual(['Theme', 'Type', 'Ref', 'Action', 'Lead officer', 'Target date', 'Status', 'RAG', 'Progress']);
    expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(actions.autoFilter).toBe('A1:I1');
    expect(actions.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('has one row per item with every action’s ref, lead, status and a filled, labelled RAG cell', () => {
    expect(actions.rowCount).toBe(model.rows.length + 1);
    const rowsByRef = new Map<string, ExcelJS.Row>();
    actions.eachRow((row, number) => { if (number > 1) rowsByRef.set(text(row.getCell(column('Ref'))), row); });
    for (const item of model.rows.filter((row) => row.kind === 'action' && row.theme !== 'Hostile text')) {
      const row = defined(rowsByRef.get(item.ref ?? ''), `row ${item.ref}`);
      expect(text(row.getCell(column('Lead officer')))).toBe(item.leads.join('; '));
      expect(text(row.getCell(column('Status')))).toBe(item.status);
      const rag = row.getCell(column('RAG'));
      expect(text(rag)).toBe(ragLabel(item.rag));
      expect(rag.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
  });

  it('wraps text and sets column widths', () => {
    expect(actions.getColumn(column('Progress')).width).toBeGreaterThan(actions.getColumn(column('Ref')).width ?? 0);
    expect(actions.getRow(5).getCell(column('Progress')).alignment?.wrapText).toBe(true);
  });

  it('writes formula-like text as escaped strings, never as formulas', () => {
    const hostile = new Map<string, ExcelJS.Row>();
    actions.eachRow((row) => hostile.set(text(row.getCell(column('Ref'))), row));
    const cell = (ref: string, label: string) => defined(hostile.get(ref), ref).getCell(column(label));
    expect(cell('9.9.1', 'Progress').value).toBe(`'${hostileText.formula}`);
    expect(cell('9.9.1', 'Action').value).toBe(hostileText.markup);
    expect(cell('9.9.2', 'Action').value).toBe(`'${hostileText.plus}`);
    expect(cell('9.9.2', 'Lead officer').value).toBe(`'${hostileText.at}`);
    expect(cell('9.9.2', 'Progress').value).toBe(`'${hostileText.minus}`);
    actions.eachRow((row) => row.eachCell((c) => {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeFalsy();
    }));
  });

  it('puts the summary counts by RAG and by status on the Summary sheet', () => {
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(text(row.getCell(1)), row.getCell(2).value));
    for (const entry of model.summary.byRag) expect(values.get(ragLabel(entry.rag))).toBe(entry.count);
    for (const entry of model.summary.byStatus) expect(values.get(entry.status === '-' ? "'-" : entry.status)).toBe(entry.count);
    expect(values.get('Total')).toBe(model.summary.total);
  });
});

describe('writeReportXlsx: exceptions and changes', () => {
  const sample = buildSampleReport(40);
  const revisedDates = sample.exceptions.revisedDates.map((revision, index) => ({
    ...revision, reason: index === 0 ? hostileText.formula : `Reason ${index}: waiting for ${revision.ref ?? ''}`,
  }));
  const model = { ...sample, exceptions: { ...sample.exceptions, revisedDates } };
  const rows: Map<string, string>[] = [];
  let exceptions: ExcelJS.Worksheet;

  async function sheets(of: typeof model): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportXlsx(of)) as unknown as ArrayBuffer);
    return workbook;
  }

  function records(sheet: ExcelJS.Worksheet): Map<string, string>[] {
    const labels: string[] = [];
    sheet.getRow(1).eachCell((cell) => labels.push(text(cell)));
    const found: Map<string, string>[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) found.push(new Map(labels.map((label, index) => [label, text(row.getCell(index + 1))])));
    });
    return found;
  }

  beforeAll(async () => {
    const workbook = await sheets(model);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Exceptions', 'Changes', 'Actions']);
    exceptions = defined(workbook.getWorksheet('Exceptions'), 'Exceptions sheet');
    rows.push(...records(exceptions));
  });

  const list = (name: string) => rows.filter((row) => row.get('Exception') === name);

  it('has a frozen, filtered header naming each list and the columns of every list', () => {
    expect(exceptions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(exceptions.autoFilter).toBe('A1:N1');
    expect(exceptions.getRow(1).getCell(1).font?.bold).toBe(true);
    expect([...defined(rows[0], 'first row').keys()]).toEqual([
      'Exception', 'Ref', 'Action', 'Lead', 'Target date', 'Status', 'RAG', 'Progress',
      'Original date', 'Revised date', 'Reason', 'Agreed by', 'Agreed on', 'Corrective action',
    ]);
  });

  it('lists the red and amber and the overdue actions with filled, labelled RAG cells', () => {
    const redAmber = list('Actions rated red or amber');
    expect(redAmber.map((row) => row.get('Ref'))).toEqual(model.exceptions.redAmber.map((row) => row.ref));
    expect(redAmber.map((row) => row.get('RAG'))).toEqual(model.exceptions.redAmber.map((row) => ragLabel(row.rag)));
    expect(list('Actions past their target date').map((row) => row.get('Ref')))
      .toEqual(model.exceptions.overdue.map((row) => row.ref));
    const ragColumn = [...defined(rows[0], 'first row').keys()].indexOf('RAG') + 1;
    expect(exceptions.getRow(2).getCell(ragColumn).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('gives each revised date its ref, dates and reason, and each corrective action its text', () => {
    expect(revisedDates.length).toBeGreaterThan(1);
    const revised = list('Target dates revised');
    expect(revised.map((row) => [row.get('Ref'), row.get('Original date'), row.get('Revised date'), row.get('Reason')]))
      .toEqual(revisedDates.map((revision, index) => [
        revision.ref, revision.from, revision.to, index === 0 ? `'${hostileText.formula}` : revision.reason,
      ]));
    expect(revised[0]?.get('Agreed on')).toBe('12 September 2025');
    expect(list('Corrective actions').map((row) => [row.get('Ref'), row.get('Corrective action')]))
      .toEqual(model.exceptions.correctiveActions.map((action) => [action.ref, action.text]));
    exceptions.eachRow((row) => row.eachCell((cell) => { expect(cell.formula).toBeFalsy(); }));
  });

  it('lists the changes since the last pack', async () => {
    const changes = records(defined((await sheets(model)).getWorksheet('Changes'), 'Changes sheet'));
    expect(changes.map((row) => [row.get('Ref'), row.get('Change'), row.get('After')]))
      .toEqual(model.changes?.entries.map((entry) => [entry.ref, changeKindLabels[entry.kind], entry.to ?? '']));
  });

  it('says so when a list is empty, and leaves out sections not chosen and changes without an earlier pack', async () => {
    const quiet = {
      ...model, changes: null,
      exceptions: { ...model.exceptions, revisedDates: [], correctiveActions: [] },
    };
    const workbook = await sheets(quiet);
    expect(workbook.getWorksheet('Changes')).toBeUndefined();
    const quietRows = records(defined(workbook.getWorksheet('Exceptions'), 'Exceptions sheet'));
    expect(quietRows.filter((row) => row.get('Exception') === 'Target dates revised').map((row) => row.get('Action')))
      .toEqual(['No target dates were revised.']);
    const chosen = await sheets({ ...model, sections: { ...model.sections, exceptions: false, changes: false } });
    expect(chosen.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Actions']);
  });
});
