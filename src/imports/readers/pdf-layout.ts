import type { GridBlock, GridRow, Paragraph, SourceRef } from '../grid-model.ts';
import { cellOf, paragraph, paragraphsFromText } from './detect-paragraphs.ts';

/**
 * Rebuilds a page's layout from the positioned words of a PDF's text layer. Words on one baseline form a line;
 * words close together form a chunk; the left edges of chunks that recur on two or more lines are the page's
 * columns. A line with chunks in two or more columns is a table row, and so is a one-chunk line right under a table
 * row (a cell wrapping onto the next line); other lines are text, joined into paragraphs by their spacing.
 */
export interface PdfWord {
  text: string;
  /** Left edge and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
  italic: boolean;
}

interface Chunk {
  text: string;
  x: number;
  right: number;
  bold: boolean;
  italic: boolean;
}

interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
}

const SAME_COLUMN_POINTS = 4;

function groupLines(words: PdfWord[]): { y: number; words: PdfWord[] }[] {
  const sorted = [...words].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const word of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - word.y) <= word.size * 0.4) line.words.push(word);
    else lines.push({ y: word.y, words: [word] });
  }
  return lines;
}

function toChunks(words: PdfWord[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const word of [...words].sort((a, b) => a.x - b.x)) {
    const last = chunks[chunks.length - 1];
    const gap = last ? word.x - last.right : Infinity;
    if (last && gap < word.size * 0.8) {
      const space = gap > word.size * 0.15 && !last.text.endsWith(' ') ? ' ' : '';
      Object.assign(last, { text: last.text + space + word.text, right: word.x + word.width });
      last.bold &&= word.bold;
      last.italic &&= word.italic;
    } else {
      chunks.push({ text: word.text, x: word.x, right: word.x + word.width, bold: word.bold, italic: word.italic });
    }
  }
  return chunks.map((chunk) => ({ ...chunk, text: chunk.text.replace(/\s+/g, ' ').trim() }));
}

/** Left edges shared by chunks of at least two multi-chunk lines (or of the only one). */
export function columnStarts(lines: Line[]): number[] {
  const multi = lines.filter((line) => line.chunks.length >= 2);
  const starts = multi.flatMap((line, index) => line.chunks.map((chunk) => ({ x: chunk.x, line: index })));
  starts.sort((a, b) => a.x - b.x);
  const clusters: { x: number; last: number; lines: Set<number> }[] = [];
  for (const start of starts) {
    const cluster = clusters[clusters.length - 1];
    if (cluster && start.x - cluster.last <= SAME_COLUMN_POINTS) {
      cluster.last = start.x;
      cluster.lines.add(start.line);
    } else {
      clusters.push({ x: start.x, last: start.x, lines: new Set([start.line]) });
    }
  }
  const needed = multi.length >= 2 ? 2 : 1;
  return clusters.filter((cluster) => cluster.lines.size >= needed).map((cluster) => cluster.x);
}

function columnOf(x: number, columns: number[]): number {
  let found = 0;
  columns.forEach((start, index) => {
    if (start <= x + SAME_COLUMN_POINTS) found = index;
  });
  return found;
}

function lineRow(line: Line, columns: number[], source: SourceRef): GridRow {
  const texts: Chunk[][] = columns.map(() => []);
  for (const chunk of line.chunks) texts[columnOf(chunk.x, columns)]!.push(chunk);
  const cells = texts.map((chunks) => {
    const emphasis = { bold: chunks.every((c) => c.bold), italic: chunks.every((c) => c.italic) };
    return cellOf(chunks.length === 0 ? [] : paragraphsFromText(chunks.map((c) => c.text).join(' '), emphasis));
  });
  return { cells, source };
}

function usedColumns(line: Line, columns: number[]): number {
  return new Set(line.chunks.map((chunk) => columnOf(chunk.x, columns))).size;
}

function headingLevel(size: number, bodySize: number): number | null {
  if (size >= bodySize * 1.6) return 1;
  return size >= bodySize * 1.25 ? 2 : null;
}

function medianSize(lines: Line[]): number {
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/** Which lines are table rows: two or more columns used, or a single chunk wrapping a cell of the row above. */
function tableLines(lines: Line[], columns: number[]): boolean[] {
  const result: boolean[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const wrapsCell = previous !== undefined && result[index - 1] === true && previous.y - line.y <= line.size * 2.2;
    result.push(columns.length >= 2 && (usedColumns(line, columns) >= 2 || wrapsCell));
  });
  return result;
}

/** Text lines become paragraphs; a line continues the paragraph above when it is close and looks the same. */
function textParagraphs(lines: Line[], bodySize: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  lines.forEach((line, index) => {
    const text = line.chunks.map((chunk) => chunk.text).join(' ');
    const emphasis = { bold: line.chunks.every((c) => c.bold), italic: line.chunks.every((c) => c.italic) };
    const heading = headingLevel(line.size, bodySize);
    const fresh = paragraphsFromText(text, emphasis).map((p) => ({ ...p, heading }));
    const last = paragraphs[paragraphs.length - 1];
    const previous = lines[index - 1];
    const continues =
      last !== undefined && previous !== undefined && previous.y - line.y <= line.size * 1.5 && heading === null &&
      last.heading === null && last.bold === emphasis.bold && fresh.length === 1 && !fresh[0]!.bullet;
    if (continues) last.text += ` ${fresh[0]!.text}`;
    else paragraphs.push(...(fresh.length > 0 ? fresh : [paragraph(text, emphasis, heading)]));
  });
  return paragraphs;
}

export function layoutPage(words: PdfWord[], pageNumber: number): GridBlock[] {
  const source: SourceRef = { label: `page ${pageNumber}`, page: pageNumber };
  const lines: Line[] = groupLines(words.filter((word) => word.text.trim() !== '')).map((line) => ({
    y: line.y,
    size: Math.max(...line.words.map((word) => word.size)),
    chunks: toChunks(line.words),
  }));
  const columns = columnStarts(lines);
  const inTable = tableLines(lines, columns);
  const bodySize = medianSize(lines);
  const blocks: GridBlock[] = [];
  let start = 0;
  for (let end = 1; end <= lines.length; end += 1) {
    if (end < lines.length && inTable[end] === inTable[start]) continue;
    const run = lines.slice(start, end);
    if (inTable[start]) blocks.push({ kind: 'table', rows: run.map((line) => lineRow(line, columns, source)), source });
    else blocks.push({ kind: 'text', paragraphs: textParagraphs(run, bodySize), source });
    start = end;
  }
  return blocks;
}
