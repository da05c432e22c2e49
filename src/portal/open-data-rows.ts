import type { PublicationScope } from '../publishing/publication-scope.ts';
import type { PublishedItem, PublishedUpdate } from '../publishing/published-shape.ts';

/**
 * Open data as flat rows: one column per published field. A column exists only when at least one plan in the file
 * publishes that field; a plan that does not publish it leaves the cell blank (never its value).
 */

type Cell = string | number | null;
type Column<T> = { name: string; field: string | null; value: (row: T) => Cell };

const joinList = (values: string[] | undefined) => (values ? values.join('; ') : null);

const ITEM_COLUMNS: Column<PublishedItem>[] = [
  { name: 'item_id', field: null, value: (i) => i.id },
  { name: 'parent_id', field: null, value: (i) => i.parentId },
  { name: 'kind', field: null, value: (i) => i.kind },
  { name: 'ref', field: 'ref', value: (i) => i.ref ?? null },
  { name: 'title', field: 'title', value: (i) => i.title ?? null },
  { name: 'detail', field: 'detail', value: (i) => i.detail ?? null },
  { name: 'priority', field: 'priority', value: (i) => i.priority ?? null },
  { name: 'corporate_priorities', field: 'corporatePriorities', value: (i) => joinList(i.corporatePriorities) },
  { name: 'lead_officers', field: 'leads', value: (i) => joinList(i.leads) },
  { name: 'lead_members', field: 'leadMembers', value: (i) => joinList(i.leadMembers) },
  { name: 'target', field: 'target', value: (i) => i.target?.text ?? null },
  { name: 'target_end', field: 'target', value: (i) => i.target?.end ?? null },
  { name: 'planned_months', field: 'plannedMonths', value: (i) => joinList(i.plannedMonths) },
  { name: 'resources', field: 'resources', value: (i) => i.resources ?? null },
  { name: 'revised_target', field: 'revisedDates', value: (i) => i.revisedDates?.at(-1)?.toText ?? null },
  { name: 'revised_target_reason', field: 'revisedDates', value: (i) => i.revisedDates?.at(-1)?.reason ?? null },
  { name: 'overdue', field: 'overdue', value: (i) => (i.overdue === undefined ? null : i.overdue ? 'yes' : 'no') },
  { name: 'latest_update_period', field: null, value: (i) => i.latestUpdate?.period?.label ?? null },
  { name: 'latest_update_as_of', field: null, value: (i) => i.latestUpdate?.asOf ?? null },
  { name: 'latest_update_published_on', field: null, value: (i) => i.latestUpdate?.publishedOn ?? null },
  { name: 'status', field: 'status', value: (i) => i.latestUpdate?.status ?? null },
  { name: 'rag', field: 'rag', value: (i) => i.latestUpdate?.ragLabel ?? null },
  { name: 'direction', field: 'direction', value: (i) => i.latestUpdate?.directionLabel ?? null },
  { name: 'percent_complete', field: 'percentComplete', value: (i) => i.latestUpdate?.percentComplete ?? null },
  { name: 'narrative', field: 'narrative', value: (i) => i.latestUpdate?.narrative ?? null },
  { name: 'corrective_action', field: 'correctiveAction', value: (i) => i.latestUpdate?.correctiveAction ?? null },
];

const UPDATE_COLUMNS: Column<PublishedUpdate>[] = [
  { name: 'update_id', field: null, value: (u) => u.id },
  { name: 'item_id', field: null, value: (u) => u.itemId },
  { name: 'period', field: null, value: (u) => u.period?.label ?? null },
  { name: 'as_of', field: null, value: (u) => u.asOf },
  { name: 'published_on', field: null, value: (u) => u.publishedOn },
  { name: 'status', field: 'status', value: (u) => u.status ?? null },
  { name: 'rag', field: 'rag', value: (u) => u.ragLabel ?? null },
  { name: 'direction', field: 'direction', value: (u) => u.directionLabel ?? null },
  { name: 'percent_complete', field: 'percentComplete', value: (u) => u.percentComplete ?? null },
  { name: 'narrative', field: 'narrative', value: (u) => u.narrative ?? null },
  { name: 'corrective_action', field: 'correctiveAction', value: (u) => u.correctiveAction ?? null },
  { name: 'revised_target', field: 'revisedDates', value: (u) => u.revisedTarget?.text ?? null },
  { name: 'revised_target_reason', field: 'revisedDates', value: (u) => u.revisedTarget?.reason ?? null },
  { name: 'evidence_files', field: 'evidence', value: (u) => (u.evidence ? u.evidence.map((e) => e.fileName).join('; ') : null) },
];

export interface PlanData {
  scope: PublicationScope;
  items: PublishedItem[];
  updates: PublishedUpdate[];
}

const sees = (scope: PublicationScope, field: string | null) =>
  field === null || (field === 'overdue' ? scope.view.sees('target') && scope.view.sees('status') : scope.view.sees(field));

function table<T>(plans: PlanData[], columns: Column<T>[], rowsOf: (plan: PlanData) => T[], custom: (plan: PlanData, row: T) => Record<string, string | null>, stamp: { generatedAt: string }) {
  const used = columns.filter((column) => plans.some((plan) => sees(plan.scope, column.field)));
  const customNames = [...new Set(plans.flatMap((plan) => plan.scope.view.customFields.map((field) => field.label)))];
  const header = ['plan_id', 'plan_title', ...used.map((column) => column.name), ...customNames, 'licence', 'generated_at'];
  const rows = plans.flatMap((plan) =>
    rowsOf(plan).map((row) => {
      const customValues = custom(plan, row);
      return [
        plan.scope.planId,
        plan.scope.plan.title,
        ...used.map((column) => (sees(plan.scope, column.field) ? column.value(row) : null)),
        ...customNames.map((name) => customValues[name] ?? null),
        plan.scope.licence.url,
        stamp.generatedAt,
      ];
    }),
  );
  return { header, rows };
}

/** Items of the plans (their latest published update on the same row). */
export const itemTable = (plans: PlanData[], stamp: { generatedAt: string }) =>
  table(plans, ITEM_COLUMNS, (plan) => plan.items, (_plan, item) => Object.fromEntries((item.customFields ?? []).map((field) => [field.label, field.value])), stamp);

/** Every published update of the plans, newest first. */
export const updateTable = (plans: PlanData[], stamp: { generatedAt: string }) => table(plans, UPDATE_COLUMNS, (plan) => plan.updates, () => ({}), stamp);
