import type { Grid, GridBlock, GridCell, GridRow } from '../grid-model.ts';
import { ImportFileError } from '../import-file-error.ts';
import { filledCellCount, isBlankRow } from './detect-paragraphs.ts';

/**
 * A sheet (or a CSV) often holds a title, a blank row, a table, a blank row and notes. This splits its rows at
 * blank rows; a stretch where some row has two or more filled cells is a table, any other stretch is text.
 * Columns left blank by every row of a table at its right edge are dropped.
 */
function endColumn(cells: GridCell[]): number {
  let column = 0;
  let end = 0;
  for (const cell of cells) {
    column += cell.colSpan;
    if (cell.text !== '' || cell.covered || cell.colSpan > 1 || cell.rowSpan > 1) end = column;
  }
  return end;
}

function trimToWidth(cells: GridCell[], width: number): GridCell[] {
  const kept: GridCell[] = [];
  let column = 0;
  for (const cell of cells) {
    if (column >= width) break;
    kept.push(cell);
    column += cell.colSpan;
  }
  return kept;
}

function toBlock(rows: GridRow[]): GridBlock {
  const first = rows[0]!;
  if (rows.some((row) => filledCellCount(row.cells) >= 2)) {
    const width = Math.max(...rows.map((row) => endColumn(row.cells)));
    const trimmed = rows.map((row) => ({ ...row, cells: trimToWidth(row.cells, width) }));
    return { kind: 'table', rows: trimmed, source: first.source };
  }
  return { kind: 'text', paragraphs: rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs)), source: first.source };
}

export function splitIntoBlocks(rows: GridRow[]): GridBlock[] {
  const blocks: GridBlock[] = [];
  let stretch: GridRow[] = [];
  for (const row of [...rows, null]) {
    if (row && !isBlankRow(row.cells)) {
      stretch.push(row);
      continue;
    }
    if (stretch.length > 0) blocks.push(toBlock(stretch));
    stretch = [];
  }
  return blocks;
}

const TABLE_ADVICE =
  'A plan must be a table: a header row (for example Ref, Action, Lead, Target date) and one row per action. ' +
  'Put the plan on its own sheet as such a table, save, and try again.';

/** A spreadsheet or CSV whose rows never hold two values side by side has no table to import. */
export function assertSpreadsheetHasTable(grid: Grid): void {
  if (grid.format !== 'xlsx' && grid.format !== 'csv') return;
  if (grid.blocks.some((block) => block.kind === 'table')) return;
  const sheets = [...new Set(grid.blocks.flatMap((block) => (block.source.sheet ? [block.source.sheet] : [])))];
  const where = sheets.length > 0 ? sheets.map((sheet) => `sheet "${sheet}"`).join(', ') : undefined;
  const holds = where ? `${where} ${sheets.length > 1 ? 'hold' : 'holds'} only text, one cell per row` : 'every row holds at most one value';
  throw new ImportFileError('no_table', `"${grid.fileName}" has no table to import: ${holds}. ${TABLE_ADVICE}`, grid.fileName, where);
}
