import type { RagCode } from '../model/rag.ts';

/**
 * A format-neutral description of a report's content, built once from the model (report-outline.ts) so that the
 * HTML, DOCX and PDF writers show the same headings, sentences and tables and differ only in how they draw them.
 */
export interface OutlineCell {
  text: string;
  /** Set on RAG cells: drawn as a labelled tag or shaded cell. `text` holds the label. */
  rag: RagCode | null;
}

export interface OutlineColumn {
  label: string;
  /** Relative width. */
  width: number;
  numeric: boolean;
}

export interface OutlineRow {
  cells: OutlineCell[];
  /** A section row: its first cell's text spans the whole table as a sub-heading. */
  heading: boolean;
  depth: number;
}

export interface OutlineTable {
  caption: string;
  columns: OutlineColumn[];
  rows: OutlineRow[];
  /** Shown instead of the table when it has no rows. */
  emptyText: string;
  /** The column whose text is indented by the row's depth (the title), or null. */
  indentColumn: number | null;
  /** Share of the page width the table takes in paged formats (summary tables need less than the full width). */
  widthShare: number;
}

export interface OutlineBar {
  label: string;
  count: number;
  rag: RagCode;
}

export type OutlineBlock =
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'chart'; title: string; bars: OutlineBar[] }
  | { type: 'table'; table: OutlineTable };

export type OutlinePartId =
  | 'introduction' | 'summary' | 'exceptions' | 'changes' | 'fullTable' | 'implications' | 'measures' | 'risks';

export interface OutlinePart {
  id: OutlinePartId;
  heading: string;
  blocks: OutlineBlock[];
}

export interface CoverFacts {
  title: string;
  organisationName: string;
  planTitle: string;
  details: { label: string; value: string }[];
}
