import type { PlanState, PlanStateItem, PlanStateUpdate } from '../../plans/plan-state.ts';
import { buildTree, flatten } from '../../plans/plan-tree.ts';
import type { ItemStatusDetail } from '../../updates/status-service.ts';
import { ragOrder, type RagCode } from '../model/rag.ts';
import type { ReportColumn, ReportRow } from '../model/report-model.ts';
import type { ReportExtras } from './report-extras.ts';
import { rowCells } from './row-cells.ts';

/** A report row with what filtering and the exceptions need to know about it. */
export interface RowDraft {
  row: ReportRow;
  parentId: string | null;
  leadIds: string[];
  /** The (revised) target end date, yyyy-mm-dd, or null for targets with no fixed date. */
  effectiveEnd: string | null;
  complete: boolean;
  lastUpdate: string | null;
  priority: string | null;
}

export interface RowInputs {
  state: PlanState;
  extras: ReportExtras;
  statuses: ReadonlyMap<string, ItemStatusDetail>;
  columns: readonly ReportColumn[];
  /** Several plans in one report: each plan's rows are themed by the plan's title. */
  themeOverride: string | null;
}

const toRag = (value: string | null): RagCode => ragOrder.find((code) => code === value) ?? 'none';

const ownsRating = (kind: PlanStateItem['kind']) => kind === 'action' || kind === 'milestone';

function draftOf(
  item: PlanStateItem, depth: number, theme: string | null, inputs: RowInputs,
  people: ReadonlyMap<string, ReportExtras['people']>, custom: ReadonlyMap<string, Record<string, string>>,
  approved: ReadonlyMap<string, PlanStateUpdate>,
): RowDraft {
  const status = inputs.statuses.get(item.id);
  const update = approved.get(item.id);
  const own = people.get(item.id) ?? [];
  const leads = own.filter((p) => p.role === 'lead');
  // Headings carry only what was reported on them, never a rating rolled up from beneath.
  const rated = ownsRating(item.kind) || update !== undefined;
  const row: ReportRow = {
    itemId: item.id,
    ref: item.ref,
    title: item.title,
    kind: item.kind,
    depth,
    theme,
    leads: leads.map((p) => p.name),
    leadMember: own.filter((p) => p.role === 'lead_member').map((p) => p.name).join('; ') || null,
    target: item.target_text ?? '',
    revisedTarget: status && status.slipCount > 0 ? status.effectiveText : null,
    status: update?.status ?? null,
    rag: rated ? toRag(status?.rag ?? null) : 'none',
    direction: update?.direction ?? null,
    percentComplete: update?.percent_complete ?? null,
    narrative: update?.narrative ?? null,
    correctiveAction: update?.corrective_action ?? null,
    cells: {},
  };
  const draft: RowDraft = {
    row, parentId: item.parent_id, leadIds: leads.map((p) => p.person_id), effectiveEnd: status?.effectiveEnd ?? null,
    complete: status?.complete === true || row.rag === 'blue', lastUpdate: update?.as_of ?? null, priority: item.priority,
  };
  row.cells = rowCells(draft, inputs.columns, custom.get(item.id) ?? {});
  return draft;
}

/**
 * One draft row per item in the printed plan's order (depth first), each themed by its top-level section, with
 * the latest approved update's status and narrative and the RAG the status rules give as at the report's date.
 */
export function reportRowDrafts(inputs: RowInputs): RowDraft[] {
  const people = new Map<string, ReportExtras['people']>();
  for (const person of inputs.extras.people) people.set(person.item_id, [...(people.get(person.item_id) ?? []), person]);
  const custom = new Map(inputs.extras.items.map((item) => [item.id, item.custom_values]));
  const approved = new Map(inputs.state.approved.map((update) => [update.item_id, update]));
  const drafts: RowDraft[] = [];
  let theme: string | null = null;
  for (const node of flatten(buildTree(inputs.state.items))) {
    if (node.depth === 0) theme = inputs.themeOverride ?? (ownsRating(node.item.kind) ? null : node.item.title);
    drafts.push(draftOf(node.item, node.depth, theme, inputs, people, custom, approved));
  }
  return drafts;
}
