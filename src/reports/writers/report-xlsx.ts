import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ReportModel } from '../model/report-model.ts';
import { itemColumns, itemValues } from './item-table.ts';
import { changesPart } from './outline-appendices.ts';
import { exceptionsPart } from './outline-exceptions.ts';
import type { OutlinePart, OutlineTable } from './outline-types.ts';
import { isHeadingRow } from './row-text.ts';
import { escapeFormula } from './spreadsheet-text.ts';
import { boldFont, sectionFill } from './xlsx-styles.ts';
import { showsImplications } from './outline-implications.ts';
import { fillImplicationsSheet } from './xlsx-implications.ts';
import { fillSummarySheet } from './xlsx-summary.ts';
import { addHeaderRow, fillOutlineSheet, fillRag } from './xlsx-table-sheet.ts';

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

function fillActionsSheet(sheet: ExcelJS.Worksheet, model: ReportModel): void {
  const columns = itemColumns(model);
  addHeaderRow(sheet, columns);
  const ragIndexes = columns.flatMap((col, index) => (col.rag ? [index + 1] : []));
  const titleIndex = columns.findIndex((col) => 'columnKey' in col.source && col.source.columnKey === 'title') + 1;
  for (const row of model.rows) {
    const added = sheet.addRow(itemValues(columns, row).map(escapeFormula));
    if (isHeadingRow(row)) {
      added.eachCell((cell) => { cell.fill = sectionFill; cell.font = boldFont; });
    } else {
      for (const index of ragIndexes) fillRag(added.getCell(index), row.rag);
      if (titleIndex > 0 && row.depth > 0) {
        added.getCell(titleIndex).alignment = { wrapText: true, vertical: 'top', indent: Math.min(row.depth, 4) };
      }
    }
    added.commit();
  }
}

function partTables(part: OutlinePart): OutlineTable[] {
  return part.blocks.flatMap((block) => (block.type === 'table' ? [block.table] : []));
}

/**
 * The report as a workbook: a "Summary" sheet of counts; when the report has those sections, an "Exceptions" sheet
 * (red or amber, overdue, target dates revised with reasons, corrective actions; each row names its list) and a
 * "Changes" sheet (since the last pack, when there is one); then an "Actions" sheet with one row per item, and a
 * "Wider implications" sheet when the report has them. List sheets
 * have the header row frozen, filters on, RAG cells filled and labelled, and text wrapped. No cell text can run as a
 * formula. Written with exceljs's streaming writer (inline strings, fastest deflate), which is about twice as fast as
 * `xlsx.writeBuffer`.
 */
export async function writeReportXlsx(model: ReportModel): Promise<Buffer> {
  const { stream } = await loadExcelJs();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } },
  });
  workbook.creator = model.organisationName;
  workbook.title = `${model.title}: ${model.planTitle}`;
  workbook.created = new Date(model.generatedAt);
  const pageSetup = { orientation: 'landscape' as const, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const summary = workbook.addWorksheet('Summary', { pageSetup });
  fillSummarySheet(summary, model);
  summary.commit();
  const listSheet = (name: string, fill: (sheet: ExcelJS.Worksheet) => void) => {
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...pageSetup, printTitlesRow: '1:1' },
    });
    fill(sheet);
    sheet.commit();
  };
  if (model.sections.exceptions) {
    listSheet('Exceptions', (sheet) => { fillOutlineSheet(sheet, partTables(exceptionsPart(model)), 'Exception'); });
  }
  if (model.sections.changes && model.changes !== null) {
    listSheet('Changes', (sheet) => { fillOutlineSheet(sheet, partTables(changesPart(model)), null); });
  }
  listSheet('Actions', (sheet) => { fillActionsSheet(sheet, model); });
  if (showsImplications(model)) listSheet('Wider implications', (sheet) => { fillImplicationsSheet(sheet, model); });
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
