import type { Item, NewItem } from '../../db/schema.ts';

/** The item fields an import writes, compared to tell whether a re-import changes an item. */
const IMPORTED_FIELDS = [
  'parent_id', 'position', 'kind', 'ref', 'ref_key', 'title', 'detail', 'priority', 'corporate_priorities', 'target_text',
  'target_start', 'target_end', 'target_precision', 'planned_months', 'resources', 'custom_values',
] as const;

/** JSON with object keys sorted: jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Would writing `row` (as the import builds it, JSON columns as text) change the saved item `before`? */
export function itemChanged(before: Item, row: NewItem): boolean {
  return IMPORTED_FIELDS.some((field) => {
    const next: unknown = field === 'custom_values' ? JSON.parse(row.custom_values) : row[field];
    return canonical(before[field]) !== canonical(next);
  });
}

/** A comparable key for an item's leads: who, in which role, in which order. */
export const leadsKey = (people: readonly { person_id: string; role: string; position: number }[]): string =>
  people.map((p) => `${p.role}|${p.position}|${p.person_id}`).sort().join(';');
