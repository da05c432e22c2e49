import type { Paragraph } from '../grid-model.ts';
import type { State } from './interpret-state.ts';
import type { RowView } from './row-view.ts';

/**
 * Text that is not a plan row is never dropped: it becomes a line of the plan's narrative, or of the detail of the
 * section whose heading it follows (a recommendation's bullet list). Tables that are not plans (a report's cover
 * sheet, a table of implications) become lines too: "FINANCIAL: The Budget…", "REPORT TO: Cabinet; DATE…: 20th February".
 */
export function paragraphLine(p: Paragraph): string {
  return p.bullet ? `• ${p.text}` : p.text;
}

export function addNarrative(state: State, line: string): void {
  const text = line.trim();
  if (text === '') return;
  const owner = state.ctx.textOwner === null ? null : state.plan.items[state.ctx.textOwner];
  const lines = owner ? owner.detail : state.plan.narrative;
  if (owner && lines.includes(text)) return;
  lines.push(text);
}

const cellText = (paragraphs: Paragraph[]): string => paragraphs.map((p) => p.text).join(' ');
const isBold = (paragraphs: Paragraph[]): boolean => paragraphs.length > 0 && paragraphs.every((p) => p.bold);

function isBoldRow(row: RowView): boolean {
  const filled = row.paragraphs.filter((p) => p.length > 0);
  return filled.length > 0 && filled.every(isBold);
}

export function tableLines(rows: RowView[]): string[] {
  const [head, ...body] = rows;
  if (head && body.length > 0 && isBoldRow(head) && !body.some(isBoldRow)) return headedLines(head, body);
  return rows.map((row) => {
    const cells = row.paragraphs.map(cellText).filter(Boolean);
    const [first] = row.paragraphs.filter((p) => p.length > 0);
    if (cells.length === 2 && first && isBold(first)) return `${cells[0]}: ${cells[1]}`;
    return cells.join(' | ');
  });
}

/** A header row over value rows: each value row reads "Header: value; Header: value". */
function headedLines(head: RowView, body: RowView[]): string[] {
  const names = head.paragraphs.map(cellText);
  const lines = body.map((row) =>
    row.paragraphs
      .map((cell, i) => {
        const value = cellText(cell);
        const name = names[i] ?? '';
        if (value === '') return '';
        return name === '' ? value : `${name}: ${value}`;
      })
      .filter(Boolean)
      .join('; '),
  );
  const unused = names.filter((name, i) => name !== '' && body.every((row) => cellText(row.paragraphs[i] ?? []) === ''));
  return [...(unused.length > 0 ? [unused.join(' | ')] : []), ...lines];
}
