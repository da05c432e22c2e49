import type { Worksheet } from 'exceljs';
import type { ReportModel } from '../model/report-model.ts';
import { summaryPart } from './outline-summary.ts';
import type { OutlineTable } from './outline-types.ts';
import { coverFacts } from './report-outline.ts';
import { escapeFormula } from './spreadsheet-text.ts';
import { boldFont, headerFill, ragStyles } from './xlsx-styles.ts';

function addTable(sheet: Worksheet, table: OutlineTable): void {
  sheet.addRow([]);
  sheet.addRow([escapeFormula(table.caption)]).font = { bold: true, size: 12 };
  const header = sheet.addRow(table.columns.map((col) => escapeFormula(col.label)));
  header.eachCell((cell) => { cell.fill = headerFill; cell.font = boldFont; });
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells.map((cell, index) => {
      const numeric = table.columns[index]?.numeric === true && /^[\d,]+$/.test(cell.text);
      return numeric ? Number(cell.text.replace(/,/g, '')) : escapeFormula(cell.text);
    }));
    row.cells.forEach((cell, index) => {
      if (cell.rag === null) return;
      const target = added.getCell(index + 1);
      target.fill = ragStyles[cell.rag].fill;
      target.font = ragStyles[cell.rag].font;
    });
  }
}

/** The "Summary" sheet: title and front-sheet details, the status sentence, then counts by RAG, status and theme. */
export function fillSummarySheet(sheet: Worksheet, model: ReportModel): void {
  sheet.columns = [{ width: 34 }, ...Array.from({ length: 6 }, () => ({ width: 18 }))];
  const facts = coverFacts(model);
  sheet.addRow([escapeFormula(facts.title)]).font = { bold: true, size: 16 };
  sheet.addRow([escapeFormula(`${facts.organisationName}: ${facts.planTitle}`)]);
  for (const detail of facts.details) {
    const row = sheet.addRow([escapeFormula(detail.label), escapeFormula(detail.value)]);
    row.getCell(1).font = boldFont;
  }
  for (const block of summaryPart(model).blocks) {
    if (block.type === 'paragraph') {
      sheet.addRow([]);
      sheet.addRow([escapeFormula(block.text)]);
    }
    if (block.type === 'table') addTable(sheet, block.table);
  }
}
