import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Grid, GridBlock, GridCell, GridRow } from '../grid-model.ts';
import { ImportFileError } from '../import-file-error.ts';
import { cellOf, coveredCell, paragraph } from './detect-paragraphs.ts';
import { splitIntoBlocks } from './detect-tables.ts';
import { xlsxCellParagraphs } from './xlsx-cell-paragraphs.ts';
import { assertSafeZip } from './zip-safety.ts';

/**
 * Reads an Excel workbook with exceljs. Every visible sheet with content gives a heading (its name) and its blocks;
 * merged cells become colSpan/rowSpan, with "covered" places under a cell that spans rows. Hidden sheets are left
 * out: they hold lookup lists, not the plan.
 */
interface Span {
  rows: number;
  cols: number;
}

function spanOf(sheet: Worksheet, master: Cell, spans: Map<string, Span>): Span {
  const known = spans.get(master.address);
  if (known) return known;
  const inRange = (row: number, col: number): boolean => {
    const cell = sheet.findCell(row, col);
    return cell !== undefined && cell !== master && cell.isMerged && cell.master === master;
  };
  let cols = 1;
  while (inRange(Number(master.row), Number(master.col) + cols)) cols += 1;
  let rows = 1;
  while (inRange(Number(master.row) + rows, Number(master.col))) rows += 1;
  const span = { rows, cols };
  spans.set(master.address, span);
  return span;
}

function rowCells(sheet: Worksheet, rowNumber: number, width: number, spans: Map<string, Span>): GridCell[] {
  const cells: GridCell[] = [];
  let col = 1;
  while (col <= width) {
    const cell = sheet.findCell(rowNumber, col);
    if (!cell) {
      cells.push(cellOf([]));
      col += 1;
    } else if (!cell.isMerged) {
      cells.push(cellOf(xlsxCellParagraphs(cell)));
      col += 1;
    } else if (cell.master === cell) {
      const span = spanOf(sheet, cell, spans);
      cells.push(cellOf(xlsxCellParagraphs(cell), span.cols, span.rows));
      col += span.cols;
    } else {
      const span = spanOf(sheet, cell.master, spans);
      const fromLeftEdge = Number(cell.master.col) === col;
      cells.push(coveredCell(fromLeftEdge ? span.cols : 1));
      col += fromLeftEdge ? span.cols : 1;
    }
  }
  return cells;
}

function sheetRows(sheet: Worksheet): GridRow[] {
  const spans = new Map<string, Span>();
  const rows: GridRow[] = [];
  const [rowCount, width] = [sheet.rowCount, sheet.columnCount];
  for (let rowNumber = 1; rowNumber <= rowCount; rowNumber += 1) {
    rows.push({
      cells: rowCells(sheet, rowNumber, width, spans),
      source: { label: `sheet ${sheet.name}, row ${rowNumber}`, sheet: sheet.name, row: rowNumber },
    });
  }
  return rows;
}

const DEFAULT_SHEET_NAME = /^(sheet|feuil|tabelle|hoja)\s*\d+$/i;

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on the first workbook read, not when the app starts: most processes never read one. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(
      'corrupt',
      `"${fileName}" looks like an Excel workbook but cannot be opened: it is damaged or incomplete. ` +
        'Open it in Excel, save it again as .xlsx, and try again.',
      fileName,
      undefined,
      { cause: error },
    );
  }
  return workbook;
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Grid> {
  assertSafeZip(bytes, fileName);
  const workbook = await loadWorkbook(bytes, fileName);
  const sheets = workbook.worksheets
    .filter((sheet) => sheet.state === 'visible' || sheet.state === undefined)
    .map((sheet) => ({ sheet, blocks: splitIntoBlocks(sheetRows(sheet)) }))
    .filter(({ blocks }) => blocks.length > 0);
  const blocks: GridBlock[] = sheets.flatMap(({ sheet, blocks: sheetBlocks }) => {
    if (sheets.length === 1 && DEFAULT_SHEET_NAME.test(sheet.name)) return sheetBlocks;
    const source = { label: `sheet ${sheet.name}`, sheet: sheet.name };
    const heading: GridBlock = { kind: 'text', paragraphs: [paragraph(sheet.name, { bold: true, italic: false }, 1)], source };
    return [heading, ...sheetBlocks];
  });
  return { fileName, format: 'xlsx', blocks };
}
