import type { Cell, Worksheet } from 'exceljs';
import type { RagCode } from '../model/rag.ts';
import { text } from './outline-cells.ts';
import type { OutlineCell, OutlineTable } from './outline-types.ts';
import { escapeFormula } from './spreadsheet-text.ts';
import { boldFont, headerFill, ragStyles } from './xlsx-styles.ts';

export interface SheetColumn {
  label: string;
  /** Relative width, as the other formats use it. */
  width: number;
}

/**
 * Column widths and wrapped text, filters on every column and a bold, shaded header row. The sheet is added with
 * its first row frozen (`views: [{ state: 'frozen', ySplit: 1 }]`), so the header stays in view.
 */
export function addHeaderRow(sheet: Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((col) => ({
    width: Math.min(80, Math.max(8, Math.round(col.width * 14))),
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((col) => escapeFormula(col.label)));
  header.eachCell((cell) => { cell.fill = headerFill; cell.font = boldFont; });
  header.commit();
}

export function fillRag(cell: Cell, rag: RagCode): void {
  cell.fill = ragStyles[rag].fill;
  cell.font = ragStyles[rag].font;
}

/**
 * Outline tables as one filterable list. With `groupLabel`, a first column names each row's table (its caption);
 * the other columns are the tables' columns matched by label, in first-seen order. A table with no rows gives one
 * row with its empty text ("No target dates were revised."), as the other formats show it.
 */
export function fillOutlineSheet(sheet: Worksheet, tables: readonly OutlineTable[], groupLabel: string | null): void {
  const columns: SheetColumn[] = groupLabel === null ? [] : [{ label: groupLabel, width: 1.8 }];
  for (const col of tables.flatMap((table) => table.columns)) {
    if (!columns.some((known) => known.label === col.label)) columns.push({ label: col.label, width: col.width });
  }
  addHeaderRow(sheet, columns);
  for (const table of tables) {
    const placed = table.columns.map((col) => columns.findIndex((known) => known.label === col.label));
    for (const cells of table.rows.length > 0 ? table.rows.map((row) => row.cells) : [emptyCells(table)]) {
      // Empty cells stay null, so the writer leaves them out rather than writing an empty string.
      const values: (string | null)[] = columns.map(() => null);
      if (groupLabel !== null) values[0] = escapeFormula(table.caption);
      cells.forEach((cell, index) => { values[placed[index] ?? 0] = cell.text ? escapeFormula(cell.text) : null; });
      const added = sheet.addRow(values);
      cells.forEach((cell, index) => {
        if (cell.rag !== null) fillRag(added.getCell((placed[index] ?? 0) + 1), cell.rag);
      });
      added.commit();
    }
  }
}

/** A table's empty text in its second column (the item's title), or its first when it has only one. */
function emptyCells(table: OutlineTable): OutlineCell[] {
  const at = Math.min(1, table.columns.length - 1);
  return table.columns.map((_, index) => text(index === at ? table.emptyText : null));
}
