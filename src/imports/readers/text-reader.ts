import type { Grid, GridBlock, GridCell, GridRow, Paragraph, SourceRef } from '../grid-model.ts';
import { paragraphsFromMarkup } from './text-markup.ts';

/**
 * Text as copied out of Word or a PDF: a line with TABs is a table row (cells split on TAB); consecutive rows make
 * a table, which ends at a blank line or a line of plain text. Other lines are paragraphs, with markdown headings
 * ("### 1. Summary"), bullets ("- Approves…") and inline <b>/<i>/<sup>/<ul><li>/**bold**. Rules ("-----") go.
 */
export function readText(text: string, fileName: string): Grid {
  const blocks: GridBlock[] = [];
  let rows: GridRow[] = [];
  let paragraphs: Paragraph[] = [];
  let firstLine = 0;

  const endTable = (): void => {
    const [first] = rows;
    if (first) blocks.push({ kind: 'table', rows, source: first.source });
    rows = [];
  };
  const endText = (): void => {
    if (paragraphs.length > 0) blocks.push({ kind: 'text', paragraphs, source: at(firstLine) });
    paragraphs = [];
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const lineNumber = i + 1;
    if (isRule(line)) return;
    if (line.includes('\t')) {
      endText();
      rows.push({ cells: line.split('\t').map(cellFromMarkup), source: at(lineNumber) });
      return;
    }
    endTable();
    if (line.trim() === '') {
      endText();
      return;
    }
    if (paragraphs.length === 0) firstLine = lineNumber;
    paragraphs.push(...paragraphsOfLine(line));
  });
  endTable();
  endText();
  return { fileName, format: 'text', blocks };
}

function at(line: number): SourceRef {
  return { label: `line ${line}`, line };
}

/** "-----", "------\t----\t---" and "***" are horizontal rules or markdown table separators, not content. */
function isRule(line: string): boolean {
  return /^[\s\-–—_=*|:]*$/.test(line) && /[-–—_=*]{2,}/.test(line);
}

function cellFromMarkup(source: string): GridCell {
  if (source.trim() === '') return { text: '', paragraphs: [], colSpan: 1, rowSpan: 1, covered: false };
  const paragraphs = paragraphsFromMarkup(source);
  return { text: paragraphs.map((p) => p.text).join('\n'), paragraphs, colSpan: 1, rowSpan: 1, covered: false };
}

function paragraphsOfLine(line: string): Paragraph[] {
  const heading = /^\s*(#{1,6})\s+(.*)$/.exec(line);
  if (heading) {
    return paragraphsFromMarkup(heading[2] ?? '').map((p) => ({ ...p, heading: (heading[1] ?? '#').length }));
  }
  const bullet = /^\s*[-*•●▪]\s+(.*)$/.exec(line);
  if (bullet) {
    return paragraphsFromMarkup(bullet[1] ?? '').map((p) => ({ ...p, bullet: true }));
  }
  return paragraphsFromMarkup(line);
}
