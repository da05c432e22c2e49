import ExcelJS from 'exceljs';

/** A plan as a council's spreadsheet of `rows` actions (ref, action, lead, target date, progress), for import benches. */
export async function planWorkbook(rows = 5000): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(['Ref', 'Action', 'Lead officer', 'Target date', 'Progress']);
  for (let i = 1; i <= rows; i += 1) sheet.addRow([`${Math.ceil(i / 50)}.${i}`, `Action ${i} to improve the service for residents`, `Officer ${i % 40}`, '31/03/2026', 'On target.']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
