import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ReportModel } from '../model/report-model.ts';
import { itemColumns, itemValues } from './item-table.ts';
import { isHeadingRow } from './row-text.ts';
import { escapeFormula } from './spreadsheet-text.ts';
import { boldFont, headerFill, ragStyles, sectionFill } from './xlsx-styles.ts';
import { fillSummarySheet } from './xlsx-summary.ts';

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

function fillActionsSheet(sheet: ExcelJS.Worksheet, model: ReportModel): void {
  const columns = itemColumns(model);
  sheet.columns = columns.map((col) => ({
    width: Math.min(80, Math.max(8, Math.round(col.width * 14))), style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((col) => escapeFormula(col.label)));
  header.eachCell((cell) => { cell.fill = headerFill; cell.font = boldFont; });
  header.commit();
  const ragIndexes = columns.flatMap((col, index) => (col.rag ? [index + 1] : []));
  const titleIndex = columns.findIndex((col) => 'columnKey' in col.source && col.source.columnKey === 'title') + 1;
  for (const row of model.rows) {
    const added = sheet.addRow(itemValues(columns, row).map(escapeFormula));
    if (isHeadingRow(row)) {
      added.eachCell((cell) => { cell.fill = sectionFill; cell.font = boldFont; });
    } else {
      for (const index of ragIndexes) {
        const cell = added.getCell(index);
        cell.fill = ragStyles[row.rag].fill;
        cell.font = ragStyles[row.rag].font;
      }
      if (titleIndex > 0 && row.depth > 0) {
        added.getCell(titleIndex).alignment = { wrapText: true, vertical: 'top', indent: Math.min(row.depth, 4) };
      }
    }
    added.commit();
  }
}

/**
 * The report as a workbook: a "Summary" sheet of counts and an "Actions" sheet with one row per item (header row
 * frozen, filters on, RAG cells filled and labelled, text wrapped). No cell text can run as a formula. Written with
 * exceljs's streaming writer (inline strings, fastest deflate), which is about twice as fast as `xlsx.writeBuffer`.
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
  const actions = workbook.addWorksheet('Actions', {
    views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...pageSetup, printTitlesRow: '1:1' },
  });
  fillActionsSheet(actions, model);
  actions.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
