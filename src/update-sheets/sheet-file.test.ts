import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeUpdateSheet, type SheetPlan } from './sheet-writer.ts';
import { readUpdateSheet } from './sheet-reader.ts';
import { rowFormValues } from './sheet-row-values.ts';

const plan = (id: string, title: string): SheetPlan => ({
  planId: id,
  planTitle: title,
  periodLabel: 'Quarter 1 2025/26',
  dueDate: '2025-07-10',
  statuses: ['Not started', 'On target', 'Achieved'],
  actions: [
    { id: `${id}-a`, ref: '1.1', title: '=HYPERLINK("http://evil")', lead: 'Paul Smith', target: '31/03/26' },
    { id: `${id}-b`, ref: '1.2', title: 'Public consultation', lead: 'Jo Bloggs', target: 'Ongoing' },
  ],
});

async function open(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the update sheet file', () => {
  it('has one frozen-header sheet per plan with lists validated, formula-like text escaped, and reads back by plan', async () => {
    const bytes = await writeUpdateSheet([plan('p1', 'Corporate Improvement Plan 2025/26: the long title'), plan('p2', 'Peer Challenge Plan')]);
    const workbook = await open(bytes);
    const sheet = workbook.getWorksheet('Corporate Improvement Plan 2025')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Ref', 'Action', 'Lead', 'Current target', 'Status', 'RAG', 'Direction', '% complete', 'Progress', 'Corrective action', 'Revised target date', 'Reason', 'Waymark ID']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('B2').value).toBe(`'=HYPERLINK("http://evil")`);
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$D$2:$D$4'] });
    expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Red,Amber,Green,Blue"'] });
    expect(sheet.getColumn(13).hidden).toBe(true);
    expect(workbook.getWorksheet('Lists')?.state).toBe('veryHidden');

    sheet.getCell('E3').value = 'on target';
    sheet.getCell('F3').value = 'Amber';
    sheet.getCell('K3').value = new Date(Date.UTC(2026, 5, 30));
    sheet.getCell('L3').value = 'Waiting for the consultants';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const reading = await readUpdateSheet(edited, 'sheet.xlsx', 'p1');
    expect(reading).toMatchObject({ ok: true, sheetName: 'Corporate Improvement Plan 2025', otherSheets: ['Peer Challenge Plan'] });
    if (!reading.ok) return;
    expect(reading.rows.map((r) => r.cells)).toEqual([
      { ref: '1.1', title: '=HYPERLINK("http://evil")', lead: 'Paul Smith', target: '31/03/26', id: 'p1-a' },
      { ref: '1.2', title: 'Public consultation', lead: 'Jo Bloggs', target: 'Ongoing', status: 'on target', rag: 'Amber', revisedDate: '30/06/2026', reason: 'Waiting for the consultants', id: 'p1-b' },
    ]);
    const other = await readUpdateSheet(edited, 'sheet.xlsx', 'p2');
    expect(other.ok && other.sheetName).toBe('Peer Challenge Plan');
  });

  it('says clearly when a file is not an Excel workbook', async () => {
    for (const [bytes, expected] of [
      [Buffer.from('Ref,Status\n1.1,On target\n'), 'The file is not an Excel workbook (.xlsx)'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'old-style Excel file (.xls)'],
      [Buffer.alloc(0), 'The file is empty'],
    ] as const) {
      const reading = await readUpdateSheet(bytes, 'upload', 'p1');
      expect(reading.ok ? '' : reading.message).toContain(expected);
    }
  });

  it('turns a row’s words into the update form’s values, naming each cell it cannot read', () => {
    const statuses = ['Not started', 'On target'];
    expect(rowFormValues({ status: 'ON TARGET', rag: 'amber', direction: 'Improving ↑', percent: '40%' }, statuses)).toEqual({
      values: { status: 'On target', ragProposed: 'amber', direction: 'improving', percentComplete: '40', narrative: '', correctiveAction: '', revisedTargetText: '', revisionReason: '', intent: 'draft' },
      issues: [],
    });
    expect(rowFormValues({ status: 'Done', rag: 'Purple', direction: 'sideways' }, statuses).issues).toEqual([
      { column: 'Status', text: '“Done” is not one of this plan’s statuses (Not started, On target)' },
      { column: 'RAG', text: '“Purple” is not one of Red, Amber, Green or Blue' },
      { column: 'Direction', text: '“sideways” is not one of Improving, Same or Worse' },
    ]);
  });
});
