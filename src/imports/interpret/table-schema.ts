import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import { isItemRole, isPriorityValue, levelOf, roleOfHeader, type ItemRole, type Role } from './column-roles.ts';
import { defaultKey, inferRoleFromValues } from './infer-column-role.ts';
import { calendarMonths, isMonthToken, monthsOfRun, type PlanYear } from './month-columns.ts';
import { latinLetters, looksLikeRef } from './refs.ts';
import { leadingNumber } from './row-patterns.ts';
import type { RowView } from './row-view.ts';

/** What each column of a plan table holds, worked out from its header rows and the rows under them. */
export interface Column {
  index: number;
  label: string;
  role: Role;
  /** The name the column's values are kept under in an item's fields. */
  key: string;
  /** "YYYY-MM" for a month column when the plan's year is known. */
  month: string | null;
  /** The date a progress column's header gives ("Progress up to 30 September 2013"). */
  asOf: string | null;
}

export interface Schema {
  columns: Column[];
  width: number;
  leaf: Column | null;
  /** Item columns above the leaf, top down: blank cells there mean "same as above". */
  hierarchy: Column[];
  ref: Column | null;
  letterRefs: boolean;
  /** Rows normally carry a reference (a ref column, or numbered actions "1. …"). */
  numbered: boolean;
}

/** A column's label as overrides are keyed: lower case, single spaces. */
export const columnKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

export function buildSchema(headers: RowView[], rows: RowView[], year: PlanYear, overrides: ReadonlyMap<string, Role> = new Map()): Schema {
  const width = Math.max(0, ...headers.map((h) => h.texts.length), ...rows.map((r) => r.texts.length));
  const columns: Column[] = [];
  for (let i = 0; i < width; i += 1) {
    const parts = headers.map((h) => h.texts[i] ?? '').filter(Boolean);
    const words = parts.filter((p) => !isMonthToken(p)).join(' ');
    const label = roleOfHeader(words) === null && looksLikeRef(words) ? '' : words;
    if (words === '' && parts.length > 0) {
      columns.push({ index: i, label: parts.join(' '), role: 'month', key: parts.join(' '), month: null, asOf: null });
      continue;
    }
    const role = roleOfHeader(label) ?? (label === '' ? inferRoleFromValues(valuesAt(rows, i), i) : 'field');
    columns.push({ index: i, label, role, key: label || defaultKey(role, i), month: null, asOf: null });
  }
  datePrefixes(columns, year);
  settleRoles(columns, rows);
  widenMergedHeaders(columns);
  for (const column of columns) {
    const chosen = column.label ? overrides.get(columnKey(column.label)) : undefined;
    if (chosen) column.role = chosen;
  }
  const items = columns.filter((c): c is Column & { role: ItemRole } => isItemRole(c.role));
  const leaf = items.reduce<Column | null>((deepest, c) => (!deepest || levelOf(c.role) > levelOf(deepest.role as ItemRole) ? c : deepest), null);
  const ref = columns.find((c) => c.role === 'ref') ?? null;
  const refValues = ref ? valuesAt(rows, ref.index) : [];
  const leafValues = leaf ? valuesAt(rows, leaf.index) : [];
  return {
    columns,
    width,
    leaf,
    hierarchy: items.filter((c) => c !== leaf).sort((a, b) => levelOf(a.role) - levelOf(b.role)),
    ref,
    letterRefs: refValues.length > 0 && refValues.filter((v) => /^\p{L}$/u.test(latinLetters(v))).length / refValues.length >= 0.6,
    numbered: ref !== null || (leafValues.length > 0 && leafValues.filter((v) => leadingNumber(v)).length / leafValues.length >= 0.5),
  };
}

function valuesAt(rows: RowView[], index: number): string[] {
  return rows.map((r) => r.texts[index] ?? '').filter(Boolean);
}

/** Month columns get their calendar months; progress columns get the date their header names. */
function datePrefixes(columns: Column[], year: PlanYear): void {
  let run: Column[] = [];
  const endRun = (): void => {
    const months = calendarMonths(monthsOfRun(run.map((c) => c.label)), year);
    run.forEach((c, i) => (c.month = months[i] ?? null));
    run = [];
  };
  for (const column of columns) {
    if (column.role === 'month') run.push(column);
    else if (run.length > 0) endRun();
    if (column.role === 'progress') {
      const date = parseFuzzyDate(column.label, { fyStartMonth: year.fyStartMonth });
      column.asOf = date.precision === 'unknown' || date.precision === 'recurring' ? null : (date.end ?? date.start);
    }
  }
  if (run.length > 0) endRun();
}

/** One column per role where only one makes sense; a "Priority" column of codes rather than High/Low is a field. */
function settleRoles(columns: Column[], rows: RowView[]): void {
  const hasMeasure = columns.some((c) => c.role === 'measure');
  const seen = new Set<Role>();
  for (const column of columns) {
    if (column.role === 'action' && hasMeasure && /required|needed/i.test(column.label)) column.role = 'field';
    if (column.role === 'priority') {
      const values = valuesAt(rows, column.index);
      if (values.length > 0 && values.filter(isPriorityValue).length / values.length < 0.5) column.role = 'field';
    }
    const single = column.role === 'ref' || column.role === 'target' || column.role === 'start' || column.role === 'priority' || column.role === 'status' || column.role === 'direction' || isItemRole(column.role);
    if (single && seen.has(column.role)) column.role = 'field';
    seen.add(column.role);
  }
}

/** A header cell that spanned blank columns to its right (lost in extraction) names them too. */
function widenMergedHeaders(columns: Column[]): void {
  for (const [i, column] of columns.entries()) {
    const left = columns[i - 1];
    if (left && column.label === '' && column.role === 'field' && left.role === 'field' && left.key !== '') column.key = left.key;
  }
}
