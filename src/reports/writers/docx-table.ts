import { Paragraph, TextRun } from 'docx';
import type { RawDocxXml } from './docx-raw-xml.ts';
import { docxStyleIds } from './docx-styles.ts';
import { docxTableXml } from './docx-table-xml.ts';
import type { OutlineTable } from './outline-types.ts';

/** Text runs keeping the text's line breaks. */
export function docxRuns(text: string, options: { bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));
}

/** The table's caption (kept with the table), then the table, or the empty-table sentence. */
export function docxTable(table: OutlineTable, raw: RawDocxXml): Paragraph[] {
  const caption = new Paragraph({ style: docxStyleIds.caption, children: docxRuns(table.caption) });
  if (table.rows.length === 0) return [caption, new Paragraph({ children: docxRuns(table.emptyText) })];
  return [caption, raw.placeholder(docxTableXml(table))];
}
