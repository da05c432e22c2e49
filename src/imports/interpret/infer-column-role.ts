import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import { isArrow, isPriorityValue, type Role } from './column-roles.ts';
import { looksLikeRef } from './refs.ts';

/**
 * A column with no header: its role is guessed from what its cells hold (short references, arrows, High/Medium/Low,
 * dates). Anything else is kept as a field named after its position.
 */
export function inferRoleFromValues(values: string[], index: number): Role {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return 'field';
  const share = (test: (v: string) => boolean): number => filled.filter(test).length / filled.length;
  if (index <= 1 && share(looksLikeRef) >= 0.7) return 'ref';
  if (share(isArrow) >= 0.8) return 'direction';
  if (share(isPriorityValue) >= 0.8) return 'priority';
  if (share((v) => parseFuzzyDate(v).precision !== 'unknown') >= 0.6) return 'target';
  return 'field';
}

/** The name a column is shown under when its header is blank. */
export function defaultKey(role: Role, index: number): string {
  if (role === 'direction') return 'Direction';
  if (role === 'priority') return 'Priority';
  if (role === 'target') return 'Date';
  if (role === 'ref') return 'Ref';
  return `Column ${index + 1}`;
}
