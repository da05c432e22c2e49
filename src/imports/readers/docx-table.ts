import type { GridCell, GridRow, Paragraph } from '../grid-model.ts';
import { cellOf, coveredCell } from './detect-paragraphs.ts';
import { readParagraph, type DocxContext } from './docx-paragraph.ts';
import { contentChildren, isW, wAttr, wChild, wInt } from './docx-xml.ts';

/**
 * One w:tbl as grid rows. Horizontal merges (w:gridSpan, legacy w:hMerge) become colSpan; a vertical merge
 * (w:vMerge restart … continue) becomes rowSpan on the top cell and covered places below it. A table nested in a
 * cell is flattened: its cells' paragraphs join the outer cell's paragraphs in reading order.
 */
function rowsOf(table: Element): Element[] {
  return contentChildren(table).filter((child) => isW(child, 'tr'));
}

function cellsOf(row: Element): Element[] {
  return contentChildren(row).filter((child) => isW(child, 'tc'));
}

export function cellParagraphs(cell: Element, context: DocxContext): Paragraph[] {
  return contentChildren(cell).flatMap((child) => {
    if (isW(child, 'p')) return readParagraph(child, context);
    if (isW(child, 'tbl')) return rowsOf(child).flatMap((row) => cellsOf(row).flatMap((inner) => cellParagraphs(inner, context)));
    return [];
  });
}

type VerticalMerge = 'restart' | 'continue' | null;

function verticalMerge(properties: Element | undefined): VerticalMerge {
  const merge = wChild(properties, 'vMerge');
  if (!merge) return null;
  return wAttr(merge) === 'restart' ? 'restart' : 'continue';
}

function appendParagraphs(target: GridCell, paragraphs: Paragraph[]): void {
  if (paragraphs.length === 0) return;
  target.paragraphs.push(...paragraphs);
  target.text = target.paragraphs.map((paragraph) => paragraph.text).join('\n');
}

export function readTableRows(table: Element, context: DocxContext, tableNumber: number): GridRow[] {
  const open = new Map<number, GridCell>();
  return rowsOf(table).map((row, rowIndex) => {
    const cells: GridCell[] = [];
    let column = wInt(wChild(wChild(row, 'trPr'), 'gridBefore')) ?? 0;
    if (column > 0) cells.push(cellOf([], column));
    for (const cell of cellsOf(row)) {
      const properties = wChild(cell, 'tcPr');
      const colSpan = Math.max(1, wInt(wChild(properties, 'gridSpan')) ?? 1);
      const paragraphs = cellParagraphs(cell, context);
      const previous = cells[cells.length - 1];
      const merge = verticalMerge(properties);
      const above = open.get(column);
      if (previous && wChild(properties, 'hMerge') && wAttr(wChild(properties, 'hMerge')) !== 'restart') {
        previous.colSpan += colSpan;
        appendParagraphs(previous, paragraphs);
      } else if (merge === 'continue' && above && above.colSpan === colSpan) {
        above.rowSpan += 1;
        appendParagraphs(above, paragraphs);
        cells.push(coveredCell(colSpan));
      } else {
        const gridCell = cellOf(paragraphs, colSpan);
        if (merge === 'restart') open.set(column, gridCell);
        else open.delete(column);
        cells.push(gridCell);
      }
      column += colSpan;
    }
    const rowNumber = rowIndex + 1;
    return { cells, source: { label: `table ${tableNumber}, row ${rowNumber}`, row: rowNumber } };
  });
}
