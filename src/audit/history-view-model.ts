const IGNORED = new Set(['id', 'organisation_id', 'plan_id', 'version', 'created_at', 'updated_at', 'ref_key', 'position', 'target_start', 'target_end', 'target_precision']);

const LABELS: Record<string, string> = {
  kind: 'Kind',
  ref: 'Reference',
  title: 'Title',
  detail: 'Detail',
  priority: 'Priority',
  corporate_priorities: 'Corporate priorities',
  target_text: 'Target date',
  resources: 'Resources',
  parent_id: 'Position in the plan',
  people: 'People',
  planned_months: 'Planned months',
  custom_values: 'Other fields',
  status: 'Status',
  source: 'Source',
  source_detail: 'Source details',
  level_labels: 'Level labels',
  period_start: 'Period start',
  period_end: 'Period end',
};

const ACTIONS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Deleted', move: 'Moved', import: 'Imported' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((v) => (typeof v === 'object' && v ? Object.values(v as object).join(': ') : String(v))).join(', ');
  }
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${String(v)}`).join('; ') || '(none)';
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
  return scalar ? String(value) : (JSON.stringify(value) ?? '');
}

export interface HistoryEntry {
  at: Date;
  who: string;
  action: string;
  changes: { field: string; from: string; to: string }[];
}

/** Audit rows as "who did what, when": for an update, each field that changed with its old and new value. */
export function historyEntries(
  rows: { at: Date; user_name: string | null; action: string; before: unknown; after: unknown }[],
): HistoryEntry[] {
  return rows.map((row) => {
    const before = (row.before ?? {}) as Record<string, unknown>;
    const after = (row.after ?? {}) as Record<string, unknown>;
    const keys = row.action === 'update' || row.action === 'move' ? [...new Set([...Object.keys(before), ...Object.keys(after)])] : [];
    const changes = keys
      .filter((key) => !IGNORED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => ({ field: LABELS[key] ?? key, from: show(before[key]), to: show(after[key]) }));
    return { at: row.at, who: row.user_name ?? 'Waymark', action: ACTIONS[row.action] ?? row.action, changes };
  });
}
