import type { Worksheet } from 'exceljs';
import type { ReportModel } from '../model/report-model.ts';
import { escapeFormula } from './spreadsheet-text.ts';
import { addHeaderRow } from './xlsx-table-sheet.ts';

/** The "Wider implications" sheet: a row a heading, with its text (line breaks kept) and any amount as a number. */
export function fillImplicationsSheet(sheet: Worksheet, model: ReportModel): void {
  addHeaderRow(sheet, [{ label: 'Heading', width: 1.8 }, { label: 'Implications', width: 6 }, { label: 'Amount (£)', width: 1.1 }]);
  for (const implication of model.implications) {
    const added = sheet.addRow([escapeFormula(implication.heading), escapeFormula(implication.text), implication.amount]);
    added.getCell(3).numFmt = '£#,##0.00';
    added.commit();
  }
}
