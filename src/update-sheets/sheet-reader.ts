import type ExcelJS from 'exceljs';
import { detectFormat } from '../imports/detect-format.ts';
import { assertSafeZip } from '../imports/readers/zip-safety.ts';
import { LISTS_SHEET, README_SHEET, SHEET_COLUMNS, UPDATE_KEYS, type ColumnKey } from './sheet-columns.ts';
import { cellText } from './sheet-cells.ts';

export interface SheetRow {
  rowNumber: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export type SheetReading = { ok: true; sheetName: string; rows: SheetRow[]; otherSheets: string[] } | { ok: false; message: string };

const NOT_XLSX =
  'The file is not an Excel workbook (.xlsx). Download the update sheet from this page, fill it in in Excel (or another spreadsheet program) and save it as an Excel Workbook (.xlsx) before uploading it.';

const fail = (message: string): SheetReading => ({ ok: false, message });

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

async function loadWorkbook(bytes: Buffer, fileName: string): Promise<ExcelJS.Workbook | string> {
  const format = detectFormat(bytes);
  if (format === 'empty') return 'The file is empty. Choose the update sheet you filled in.';
  if (format === 'ole') return 'This is an old-style Excel file (.xls) or a password-protected workbook. Open it in Excel, remove any password and save it as an Excel Workbook (.xlsx), then upload it again.';
  if (format !== 'xlsx') return NOT_XLSX;
  const { Workbook } = await loadExcelJs();
  try {
    assertSafeZip(bytes, fileName);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch (error) {
    return error instanceof Error && error.name === 'ImportFileError' ? error.message : NOT_XLSX;
  }
}

/** The worksheet for this plan: named in the hidden Lists sheet, else the only worksheet with a Ref header. */
function planWorksheet(workbook: ExcelJS.Workbook, planId: string): ExcelJS.Worksheet | undefined {
  const lists = workbook.getWorksheet(LISTS_SHEET);
  if (lists) {
    for (let row = 2; row <= lists.rowCount; row += 1) {
      if (cellText(lists.getCell(`B${row}`).value) === planId) return workbook.getWorksheet(cellText(lists.getCell(`A${row}`).value));
    }
  }
  const candidates = workbook.worksheets.filter((s) => s.name !== LISTS_SHEET && s.name !== README_SHEET && s.state === 'visible');
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Reads the filled-in rows of this plan's worksheet, by header text. Bytes that are not a safe .xlsx give a message. */
export async function readUpdateSheet(bytes: Buffer, fileName: string, planId: string): Promise<SheetReading> {
  const workbook = await loadWorkbook(bytes, fileName);
  if (typeof workbook === 'string') return fail(workbook);
  const sheet = planWorksheet(workbook, planId);
  if (!sheet) return fail('This workbook has no update sheet for this plan. Download the update sheet from this page and fill that one in.');
  const otherSheets = workbook.worksheets.filter((s) => s !== sheet && s.name !== LISTS_SHEET && s.name !== README_SHEET).map((s) => s.name);
  const columnOf = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = cellText(cell.value).toLowerCase();
    const known = SHEET_COLUMNS.find((c) => c.header.toLowerCase() === header);
    if (known && !columnOf.has(known.key)) columnOf.set(known.key, column);
  });
  if (!columnOf.has('ref')) return fail(`The sheet “${sheet.name}” has no Ref column in its first row. Download a fresh update sheet and copy your entries into it.`);
  if (!UPDATE_KEYS.some((key) => columnOf.has(key))) return fail(`The sheet “${sheet.name}” has none of the update columns (Status, RAG, Progress …) in its first row.`);
  const rows: SheetRow[] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: SheetRow['cells'] = {};
    for (const [key, column] of columnOf) {
      const text = cellText(row.getCell(column).value);
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ rowNumber, cells });
  }
  return { ok: true, sheetName: sheet.name, rows, otherSheets };
}
