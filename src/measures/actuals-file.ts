import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { format } from 'date-fns';
import { assertSafeZip } from '../imports/readers/zip-safety.ts';

/** One line of an actuals file: which measure (name or ref), which period, the figure; `row` as the user sees it. */
export interface ActualsRow {
  row: number;
  measure: string;
  period: string;
  actual: string | number | boolean;
}

type Cell = string | number | boolean;
export const MAX_ACTUALS_ROWS = 5000;

/** Reads a CSV or XLSX file of actuals: columns measure (name or ref), period, actual; a header row is optional. */
export async function readActualsFile(fileName: string, data: Buffer): Promise<{ ok: true; rows: ActualsRow[] } | { ok: false; error: string }> {
  try {
    const isXlsx = data[0] === 0x50 && data[1] === 0x4b;
    if (!isXlsx && /\.xlsx?$/i.test(fileName)) return { ok: false, error: `${fileName} is not an Excel workbook that Waymark can read: save it as .xlsx or .csv` };
    const table = isXlsx ? await xlsxRows(fileName, data) : csvRows(data);
    return rowsOf(table);
  } catch (error) {
    return { ok: false, error: `${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function csvRows(data: Buffer): Cell[][] {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  const text = utf8.includes('\uFFFD') ? iconv.decode(data, 'windows-1252') : utf8;
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
}

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

async function xlsxRows(fileName: string, data: Buffer): Promise<Cell[][]> {
  assertSafeZip(data, fileName);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((candidate) => candidate.state !== 'hidden' && candidate.actualRowCount > 0);
  const rows: Cell[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= Math.max(3, row.cellCount); col += 1) cells.push(cellValue(row.getCell(col)));
    while (rows.length < row.number - 1) rows.push([]);
    rows.push(cells);
  });
  return rows;
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return format(new Date(value.getTime() + value.getTimezoneOffset() * 60_000), 'yyyy-MM-dd');
  if (typeof value === 'number') return cell.numFmt?.includes('%') ? Number((value * 100).toPrecision(12)) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value && value.result !== undefined && typeof value.result !== 'object') return value.result;
  if ('text' in value && typeof value.text === 'string') return value.text;
  return String(cell.text ?? '');
}

const HEADINGS = {
  measure: /^(measure|name|ref|reference|indicator|kpi)/i,
  period: /^(period|quarter|month|year)/i,
  actual: /^(actual|value|figure|result|outturn)/i,
};

function rowsOf(table: Cell[][]): { ok: true; rows: ActualsRow[] } | { ok: false; error: string } {
  const first = table.findIndex((cells) => cells.some((cell) => String(cell).trim() !== ''));
  if (first < 0) return { ok: false, error: 'The file has no rows: it needs columns for the measure, the period and the actual' };
  const header = table[first]?.map((cell) => String(cell).trim()) ?? [];
  const hasHeader = header.some((cell) => HEADINGS.period.test(cell));
  const column = (name: keyof typeof HEADINGS, fallback: number) => (hasHeader ? header.findIndex((cell) => HEADINGS[name].test(cell)) : fallback);
  const [measureAt, periodAt, actualAt] = [column('measure', 0), column('period', 1), column('actual', 2)];
  if (measureAt < 0 || periodAt < 0 || actualAt < 0) {
    return { ok: false, error: 'The header row needs three columns: Measure (its name or reference), Period and Actual' };
  }
  const rows: ActualsRow[] = [];
  table.forEach((cells, index) => {
    if (index < first + (hasHeader ? 1 : 0) || cells.every((cell) => String(cell).trim() === '')) return;
    const text = (at: number) => String(cells[at] ?? '').trim();
    const actual = cells[actualAt] ?? '';
    rows.push({ row: index + 1, measure: text(measureAt), period: text(periodAt), actual: typeof actual === 'string' ? actual.trim() : actual });
  });
  if (rows.length === 0) return { ok: false, error: 'The file has a header row but no actuals beneath it' };
  if (rows.length > MAX_ACTUALS_ROWS) return { ok: false, error: `The file has ${rows.length} rows: import at most ${MAX_ACTUALS_ROWS} at a time` };
  return { ok: true, rows };
}
