import type { RagCode } from '../model/rag.ts';
import type { ReportItemKind } from '../model/report-model.ts';
import type { RowDraft } from './report-rows.ts';

export interface ReportFilters {
  /** A top-level section's title (or, across several plans, a plan's title). */
  theme: string | null;
  leadPersonId: string | null;
  rag: RagCode | null;
  status: string | null;
}

export const noFilters: ReportFilters = { theme: null, leadPersonId: null, rag: null, status: null };

export const hasFilters = (filters: ReportFilters) => Object.values(filters).some((value) => value !== null);

/** The kind of item a report counts: actions, or in a plan without actions its deepest kind with rows. */
export function countedKindsOf(drafts: readonly RowDraft[]): ReportItemKind[] {
  const present = new Set(drafts.map((draft) => draft.row.kind));
  const kind = (['action', 'milestone', 'measure', 'outcome', 'section'] as const).find((k) => present.has(k));
  return [kind ?? 'action'];
}

function matches(draft: RowDraft, filters: ReportFilters): boolean {
  const { row } = draft;
  if (filters.theme !== null && row.theme !== filters.theme) return false;
  if (filters.leadPersonId !== null && !draft.leadIds.includes(filters.leadPersonId)) return false;
  if (filters.rag !== null && row.rag !== filters.rag) return false;
  if (filters.status !== null && (row.status ?? '').toLowerCase() !== filters.status.toLowerCase()) return false;
  return true;
}

/**
 * The rows a filtered report shows: counted items that match every filter, the headings above them (so each keeps
 * its place in the plan) and the items beneath them (an action's milestones). Unfiltered, every row.
 */
export function filterDrafts(drafts: readonly RowDraft[], filters: ReportFilters, counted: readonly ReportItemKind[]): RowDraft[] {
  if (!hasFilters(filters)) return [...drafts];
  const byId = new Map(drafts.map((draft) => [draft.row.itemId, draft]));
  const keep = new Set<string>();
  const matched = new Set<string>();
  for (const draft of drafts) {
    if (!counted.includes(draft.row.kind) || !matches(draft, filters)) continue;
    matched.add(draft.row.itemId);
    for (let at: RowDraft | undefined = draft; at !== undefined && !keep.has(at.row.itemId); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      keep.add(at.row.itemId);
    }
  }
  const underMatch = (draft: RowDraft): boolean => {
    for (let id = draft.parentId; id !== null; id = byId.get(id)?.parentId ?? null) if (matched.has(id)) return true;
    return false;
  };
  return drafts.filter((draft) => keep.has(draft.row.itemId) || underMatch(draft));
}
