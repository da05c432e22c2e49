import { describe, expect, it } from 'vitest';
import type { GridTable, GridText } from '../grid-model.ts';
import { readXlsx } from './xlsx-reader.ts';
import { twoSheetPlan, workbookBytes } from './fixtures/xlsx-fixtures.ts';

describe('readXlsx', () => {
  it('reads every sheet: a heading per sheet, the title as text, the table with merged cells', async () => {
    const grid = await readXlsx(await twoSheetPlan(), 'plan.xlsx');
    expect(grid.format).toBe('xlsx');
    expect(grid.blocks.map((block) => block.kind)).toEqual(['text', 'text', 'table', 'text', 'text']);
    const [planHeading, title, table, notesHeading, notes] = grid.blocks as [GridText, GridText, GridTable, GridText, GridText];
    expect(planHeading.paragraphs[0]).toMatchObject({ text: 'Plan', heading: 1 });
    expect(title.paragraphs[0]).toMatchObject({ text: 'Improvement Plan 2024/25', bold: true });
    expect(title.source.label).toBe('sheet Plan, row 1');
    expect(notesHeading.paragraphs[0]?.text).toBe('Notes');
    expect(notes.paragraphs[0]?.text).toBe('Agreed by Cabinet on 20 February 2024.');

    const [header, first, second, third] = table.rows;
    expect(header?.cells.map((cell) => cell.text)).toEqual(['Theme', 'Ref', 'Action', 'Lead', 'Target', 'Done']);
    expect(header?.source).toEqual({ label: 'sheet Plan, row 3', sheet: 'Plan', row: 3 });
    expect(first?.cells[0]).toMatchObject({ text: 'Community Leadership', rowSpan: 2, colSpan: 1, covered: false });
    expect(first?.cells.slice(1).map((cell) => cell.text)).toEqual(['1', 'Hold an awayday', 'CMT', '28/02/2013', '50%']);
    expect(second?.cells[0]).toMatchObject({ covered: true, text: '' });
    expect(second?.cells[2]?.paragraphs).toEqual([
      { text: 'Brief', bold: true, italic: false, bullet: false, heading: null },
      { text: 'ward members', bold: false, italic: false, bullet: true, heading: null },
      { text: 'staff', bold: false, italic: false, bullet: true, heading: null },
    ]);
    expect(second?.cells[4]?.text).toBe('Mar 13');
    expect(second?.cells[5]?.text).toBe('100%');
    expect(third?.cells[0]).toMatchObject({ text: 'Outcome spanning two columns', colSpan: 2 });
    expect(third?.cells.map((cell) => cell.text)).toEqual(['Outcome spanning two columns', 'Next', 'CMT', 'Ongoing', '']);
  });

  it('leaves out hidden sheets and the heading of a lone "Sheet1"', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Sheet1').addRows([['Ref', 'Action'], ['1', 'Do it']]);
      const lists = workbook.addWorksheet('Lists');
      lists.addRows([['Red', 'Amber'], ['Green', 'Blue']]);
      lists.state = 'hidden';
    });
    const grid = await readXlsx(bytes, 'plan.xlsx');
    expect(grid.blocks).toHaveLength(1);
    expect((grid.blocks[0] as GridTable).rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['Ref', 'Action'],
      ['1', 'Do it'],
    ]);
  });

  it('reads every row of a generated 5,000-row workbook (speed is measured in bench/import.ts)', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Plan');
      sheet.addRow(['Ref', 'Action', 'Lead', 'Target', 'Status', 'Update']);
      for (let index = 1; index <= 5000; index += 1) {
        sheet.addRow([`${index}`, `Action number ${index} to improve things`, 'Chief Executive', '31/03/2025', 'On target', 'Progress is as planned.']);
      }
    });
    const grid = await readXlsx(bytes, 'big.xlsx');
    expect((grid.blocks[1] as GridTable).rows).toHaveLength(5001);
  });
});
