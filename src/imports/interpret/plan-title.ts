import type { Grid, Paragraph } from '../grid-model.ts';
import type { PlanYear } from './month-columns.ts';
import { outcomeLine, sectionLine } from './row-patterns.ts';

/**
 * The plan's title, its year and the page titles repeated on every page. The title is the "Subject" of a report's
 * cover table, else the first short line before any table, else the file's name.
 */
export interface PlanTitle {
  title: string;
  /** The paragraph the title was taken from, which is then not repeated in the narrative. */
  paragraph: Paragraph | null;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function choosePlanTitle(grid: Grid): PlanTitle {
  const subject = subjectOfCoverTable(grid);
  if (subject) return { title: subject, paragraph: null };
  for (const block of grid.blocks) {
    if (block.kind === 'table') break;
    const first = block.paragraphs.find((p) => p.text.trim() !== '');
    if (!first) continue;
    const text = first.text.trim();
    if (words(text) <= 20 && !sectionLine(text, true) && !outcomeLine(text)) return { title: text, paragraph: first };
    break;
  }
  return { title: grid.fileName.replace(/\.[^.]+$/, ''), paragraph: null };
}

/** A header cell "Subject" or "Title" with the value under it or beside it. */
function subjectOfCoverTable(grid: Grid): string | null {
  for (const block of grid.blocks.slice(0, 6)) {
    if (block.kind !== 'table') continue;
    for (const [r, row] of block.rows.entries()) {
      const at = row.cells.findIndex((c) => /^(subject|title)\s*:?$/i.test(c.text.trim()));
      if (at < 0) continue;
      const below = block.rows[r + 1]?.cells[at]?.text.trim();
      const beside = row.cells[at + 1]?.text.trim();
      const value = below || beside;
      if (value) return value;
    }
  }
  return null;
}

/** The year the plan's months fall in: its financial year ("2007/08") in the title or early text, else a year. */
export function planYear(grid: Grid, title: string, fyStartMonth: number): PlanYear {
  const texts = [title, ...grid.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs.map((p) => p.text) : []))];
  for (const text of texts) {
    const m = /\b((?:19|20)\d{2})\s*[/–-]\s*(\d{2}|\d{4})\b/.exec(text);
    if (m && Number((m[2] ?? '').slice(-2)) === (Number(m[1]) + 1) % 100) return { startYear: Number(m[1]), fyStartMonth };
  }
  const year = /\b((?:19|20)\d{2})\b/.exec(title);
  return { startYear: year ? Number(year[1]) : null, fyStartMonth };
}

/** Normalised paragraph texts that stand three or more times: page titles, not content. */
export function repeatedTexts(grid: Grid): Set<string> {
  const counts = new Map<string, number>();
  for (const block of grid.blocks) {
    if (block.kind !== 'text') continue;
    for (const p of block.paragraphs) {
      const key = normalised(p.text);
      if (key !== '' && words(key) <= 15) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([key]) => key));
}

export const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();
