/**
 * The neutral grid model. Every reader (text/TSV, CSV, XLSX, DOCX, PDF) turns a file into a Grid;
 * one interpreter turns a Grid into a plan tree. A new layout means a new interpreter rule, not a new reader.
 */

/** Where something came from, for messages that name the place ("line 42", "sheet Plan, row 7", "page 3"). */
export interface SourceRef {
  label: string;
  line?: number;
  sheet?: string;
  row?: number;
  page?: number;
}

/** One paragraph of text with the emphasis the document gave it. */
export interface Paragraph {
  text: string;
  bold: boolean;
  italic: boolean;
  bullet: boolean;
  /** 1–6 for headings ("###", Word Heading 1…), otherwise null. */
  heading: number | null;
}

export interface GridCell {
  /** Plain text: paragraphs joined with "\n". */
  text: string;
  paragraphs: Paragraph[];
  colSpan: number;
  rowSpan: number;
  /** True for a position covered by a rowSpan from a cell above (its text is empty). */
  covered: boolean;
}

export interface GridRow {
  /** Cells left to right; the column index of a cell is the sum of the colSpans before it. */
  cells: GridCell[];
  source: SourceRef;
}

export interface GridTable {
  kind: 'table';
  rows: GridRow[];
  source: SourceRef;
}

export interface GridText {
  kind: 'text';
  paragraphs: Paragraph[];
  source: SourceRef;
}

export type GridBlock = GridTable | GridText;

export type GridFormat = 'text' | 'csv' | 'xlsx' | 'docx' | 'pdf';

export interface Grid {
  fileName: string;
  format: GridFormat;
  blocks: GridBlock[];
}
