import type { GridCell, Paragraph } from '../grid-model.ts';

/**
 * Plain text (a CSV field, a spreadsheet cell, a PDF line) carries its structure in characters: line breaks split
 * paragraphs and a leading "•", "-" or "*" marks a bullet. This turns such text into the grid's paragraphs, and
 * builds the grid's cells, for every reader.
 */
export interface Emphasis {
  bold: boolean;
  italic: boolean;
}

export const PLAIN: Emphasis = { bold: false, italic: false };

/** "■" is deliberately absent: plans use it to mark planned months. U+F0B7 is Word's Symbol-font bullet. */
const BULLET_MARKERS = ['•', '●', '▪', '◦', '○', '·', '-', '–', '*', '\uf0b7'];

function withoutBulletMarker(line: string): string | null {
  for (const marker of BULLET_MARKERS) {
    if (!line.startsWith(marker)) continue;
    const rest = line.slice(marker.length);
    const isWord = marker === '-' || marker === '–' || marker === '*';
    if (isWord && !/^\s+\S/.test(rest)) return null;
    return rest.trim();
  }
  return null;
}

export function paragraph(text: string, emphasis: Emphasis = PLAIN, heading: number | null = null): Paragraph {
  return { text, bold: emphasis.bold, italic: emphasis.italic, bullet: false, heading };
}

export function paragraphsFromText(text: string, emphasis: Emphasis = PLAIN): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const rawLine of text.split(/\r\n|\r|\n|\u2028/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const bulletText = withoutBulletMarker(line);
    if (bulletText === '') continue;
    paragraphs.push({ ...paragraph(bulletText ?? line, emphasis), bullet: bulletText !== null });
  }
  return paragraphs;
}

export function cellOf(paragraphs: Paragraph[], colSpan = 1, rowSpan = 1): GridCell {
  return { text: paragraphs.map((p) => p.text).join('\n'), paragraphs, colSpan, rowSpan, covered: false };
}

/** The place under a cell that spans rows: it keeps the column arithmetic of the row right. */
export function coveredCell(colSpan = 1): GridCell {
  return { text: '', paragraphs: [], colSpan, rowSpan: 1, covered: true };
}

export function isBlankRow(cells: GridCell[]): boolean {
  return cells.every((cell) => !cell.covered && cell.text === '');
}

/** Cells that hold text; a table needs rows with at least two of them. */
export function filledCellCount(cells: GridCell[]): number {
  return cells.filter((cell) => cell.text !== '').length;
}
