import { roleOfHeader } from './column-roles.ts';
import { isMonthToken } from './month-columns.ts';
import { isLabelCell } from './row-patterns.ts';

/**
 * Is this row a table's header: the names of its columns rather than a row of the plan? Header cells are short and
 * most of them name a role ("Ref.", "Action", "Lead", "When"). A row of month names or letters continues the header
 * above it; a row holding only "#" or "Ref." is the stub of one.
 */
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function isMonthRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.trim()).filter(Boolean);
  return filled.length >= 6 && filled.filter(isMonthToken).length >= filled.length - 1;
}

export function isHeaderRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  if (isMonthRow(texts)) return true;
  if (filled.length === 1) return roleOfHeader(filled[0] ?? '') === 'ref';
  if (filled.some((t) => words(t) > 8)) return false;
  // "Progress Update" or "Expected Outcome" beside one other cell labels a part of the plan (seed 003); among three
  // or more column names ("Ref, Action, Lead officer, Target date, Progress") it names a column.
  if (filled.length <= 2 && filled.some(isLabelCell)) return false;
  const named = filled.filter((t) => words(t) <= 6 && (roleOfHeader(t) !== null || isMonthToken(t)));
  return named.length >= 2 && named.length / filled.length >= 0.75;
}
