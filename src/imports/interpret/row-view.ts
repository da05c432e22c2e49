import type { GridCell, GridRow, Paragraph, SourceRef } from '../grid-model.ts';

/**
 * A grid row laid out by column: a cell spanning two columns sits at its first column and leaves the next one
 * empty; a position covered by a merged cell above is empty, which the interpreter reads as "same as above".
 */
export interface RowView {
  texts: string[];
  paragraphs: Paragraph[][];
  source: SourceRef;
}

export function viewOf(row: GridRow): RowView {
  const texts: string[] = [];
  const paragraphs: Paragraph[][] = [];
  const put = (cell: GridCell | null): void => {
    texts.push(cell === null || cell.covered ? '' : cell.text.trim());
    paragraphs.push(cell === null || cell.covered ? [] : cell.paragraphs);
  };
  for (const cell of row.cells) {
    put(cell);
    for (let extra = 1; extra < cell.colSpan; extra += 1) put(null);
  }
  return { texts, paragraphs, source: row.source };
}

export const filledTexts = (view: RowView): string[] => view.texts.filter((t) => t !== '');

/** Rows made only of symbols ("> ⊖", "--") carry nothing a person wrote. */
export const hasWords = (view: RowView): boolean => view.texts.some((t) => /[\p{L}\p{N}]/u.test(t));

/** The one filled cell of a row, when it has exactly one. */
export function soleText(view: RowView): string | null {
  const filled = filledTexts(view);
  return filled.length === 1 ? (filled[0] ?? null) : null;
}
