import type { ImportedPlan } from './imported-plan.ts';
import type { Role } from './interpret/column-roles.ts';
import { columnKey } from './interpret/table-schema.ts';

export const ROLE_LABELS: Record<Role, string> = {
  ref: 'Reference',
  section: 'Section (theme, priority, recommendation)',
  outcome: 'Outcome (area for improvement)',
  measure: 'Measure of success',
  action: 'Action (proposal)',
  milestone: 'Milestone',
  lead: 'Lead officer',
  leadMember: 'Lead member',
  target: 'Target date',
  start: 'Start date',
  priority: 'Priority (High, Medium, Low)',
  direction: 'Direction of travel',
  status: 'Status or RAG',
  progress: 'Progress update',
  month: 'Planned month',
  field: 'Other information (kept as it is)',
};

const KIND_LABELS = { section: 'sections', outcome: 'outcomes', measure: 'measures of success', action: 'actions', milestone: 'milestones' } as const;
export const PREVIEW_ROWS = 400;

/** What the officer sees before anything is saved: counts, the columns and their roles, warnings and the tree. */
export function importPreview(plan: ImportedPlan, columns: { label: string; role: Role }[], rowLimit = PREVIEW_ROWS) {
  const depth: number[] = [];
  plan.items.forEach((item, index) => {
    depth[index] = item.parentIndex === null ? 0 : (depth[item.parentIndex] ?? 0) + 1;
  });
  const counts = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[])
    .map((kind) => ({ kind, label: KIND_LABELS[kind], count: plan.items.filter((i) => i.kind === kind).length }))
    .filter((c) => c.count > 0);
  return {
    counts,
    updates: plan.items.reduce((n, i) => n + i.updates.length, 0),
    relations: plan.items.reduce((n, i) => n + i.relations.length, 0),
    columns: columns.map((c, index) => ({
      index,
      key: columnKey(c.label),
      label: c.label,
      role: c.role,
      items: (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, text: ROLE_LABELS[role], selected: role === c.role })),
    })),
    rows: plan.items.slice(0, rowLimit).map((item, index) => ({
      depth: Math.min(depth[index] ?? 0, 4),
      kind: item.kind,
      ref: item.ref ?? '',
      title: item.title,
      leads: [...item.leads, ...(item.leadMember ? [item.leadMember] : [])].join(', '),
      target: item.target?.text ?? '',
      status: item.updates[0]?.status ?? '',
      months: item.plannedMonths.length,
    })),
    more: Math.max(0, plan.items.length - rowLimit),
  };
}
