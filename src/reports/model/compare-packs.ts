import { ragLabel } from './rag.ts';
import type { ChangeEntry, ReportRow } from './report-model.ts';

const completeStatus = /^\s*(complete|completed|achieved|closed|done|delivered)\b/i;

/** An item counts as closed when it is rated Blue or its status word says it is finished. */
export function isComplete(row: ReportRow): boolean {
  return row.rag === 'blue' || (row.status !== null && completeStatus.test(row.status));
}

function effectiveTarget(row: ReportRow): string {
  return (row.revisedTarget ?? row.target).trim();
}

function sameText(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function entry(row: ReportRow, kind: ChangeEntry['kind'], from: string | null, to: string | null): ChangeEntry {
  return { ref: row.ref, title: row.title, kind, from, to };
}

function rowChanges(before: ReportRow, after: ReportRow): ChangeEntry[] {
  const changes: ChangeEntry[] = [];
  const closedNow = isComplete(after) && !isComplete(before);
  if (closedNow) changes.push(entry(after, 'closed', before.status, after.status));
  if (!closedNow && before.rag !== after.rag) changes.push(entry(after, 'rag', ragLabel(before.rag), ragLabel(after.rag)));
  if (effectiveTarget(before) !== effectiveTarget(after)) {
    changes.push(entry(after, 'date', effectiveTarget(before), effectiveTarget(after)));
  }
  if (!closedNow && !sameText(before.status, after.status)) changes.push(entry(after, 'status', before.status, after.status));
  if (!sameText(before.narrative, after.narrative)) changes.push(entry(after, 'text', before.narrative, after.narrative));
  return changes;
}

/**
 * What changed between two issued packs. Rows are matched by item id, then by printed reference for rows whose id
 * is unknown to the other pack (a plan re-imported gets new ids but keeps its refs). Entries follow the current
 * pack's order; items that dropped out of the pack come last, as 'closed'.
 */
export function comparePackRows(previous: readonly ReportRow[], current: readonly ReportRow[]): ChangeEntry[] {
  const currentIds = new Set(current.map((row) => row.itemId));
  const previousById = new Map(previous.map((row) => [row.itemId, row]));
  const unmatchedByRef = new Map<string, ReportRow>();
  for (const row of previous) {
    if (!currentIds.has(row.itemId) && row.ref !== null && !unmatchedByRef.has(row.ref)) unmatchedByRef.set(row.ref, row);
  }
  const matched = new Set<ReportRow>();
  const changes: ChangeEntry[] = [];
  for (const row of current) {
    let before = previousById.get(row.itemId);
    if (before === undefined && row.ref !== null) before = unmatchedByRef.get(row.ref);
    if (before === undefined || matched.has(before)) {
      changes.push(entry(row, 'new', null, row.status));
      continue;
    }
    matched.add(before);
    changes.push(...rowChanges(before, row));
  }
  for (const row of previous) {
    if (!matched.has(row)) changes.push(entry(row, 'closed', row.status, null));
  }
  return changes;
}
