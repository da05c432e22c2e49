import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../model/sample-hostile.ts';
import { withImplications } from '../model/sample-implications.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { writeReportXlsx } from './report-xlsx.ts';

async function workbookOf(model: ReturnType<typeof buildSampleReport>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeReportXlsx(model)) as unknown as ArrayBuffer);
  return workbook;
}

describe('writeReportXlsx: wider implications', () => {
  it('gives them a sheet of their own, a row a heading, the amount a number and no formulas', async () => {
    const model = withImplications(buildSampleReport(6));
    const sheet = (await workbookOf(model)).getWorksheet('Wider implications');
    if (sheet === undefined) throw new Error('no "Wider implications" sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push([1, 2, 3].map((column) => row.getCell(column).value)));
    expect(rows).toEqual([
      ['Heading', 'Implications', 'Amount (£)'],
      ['Financial', 'A £200,000 estimated contingency budget has been included for 2017/18 onwards.', 200000],
      ['Legal', 'The proposals will enable progress to be made with the Annual Governance Statement.', null],
      ['Impact on equality', 'There are no adverse impacts on equality issues.\nAn equality impact assessment will be completed for the restructure.', null],
      ['Other: Health and safety', `'${hostileText.formula}`, null],
    ]);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('£#,##0.00');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    sheet.eachRow((row) => row.eachCell((cell) => { expect(cell.formula).toBeFalsy(); }));
  });

  it('leaves the sheet out when the part is unticked or there are none', async () => {
    const model = withImplications(buildSampleReport(6));
    expect((await workbookOf({ ...model, sections: { ...model.sections, implications: false } })).getWorksheet('Wider implications')).toBeUndefined();
    expect((await workbookOf({ ...model, implications: [] })).getWorksheet('Wider implications')).toBeUndefined();
  });
});
