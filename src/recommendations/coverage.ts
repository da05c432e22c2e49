import type { ItemKind } from '../db/schema.ts';

export interface CoverageItem {
  id: string;
  parent_id: string | null;
  position: number;
  kind: ItemKind;
  ref: string | null;
  title: string;
  custom_values: Record<string, string>;
}

/** What the update cycle says of an action now (see the status service). */
export interface ActionState {
  complete: boolean;
  effectiveEnd: string | null;
  effectiveText: string | null;
  status: string | null;
}

export type CoverageGroup = 'no_action' | 'ready_to_close' | 'overdue' | 'in_progress';

export interface AnsweringAction {
  id: string;
  ref: string | null;
  title: string;
  complete: boolean;
  overdue: boolean;
  status: string | null;
  due: string | null;
  /** Linked with "links to" rather than sitting beneath the recommendation. */
  linked: boolean;
}

export interface RecommendationCoverage {
  id: string;
  ref: string | null;
  title: string;
  group: CoverageGroup;
  actions: AnsweringAction[];
}

/**
 * An item is a recommendation when it is marked as one (custom value recommendation = yes), or when it is a section
 * whose title starts "Recommendation" and it has not been marked otherwise (recommendation = no).
 */
export function isRecommendation(item: Pick<CoverageItem, 'kind' | 'title' | 'custom_values'>): boolean {
  const flag = item.custom_values.recommendation?.trim().toLowerCase();
  if (flag === 'yes') return true;
  if (flag === 'no') return false;
  return item.kind === 'section' && /^recommendation\b/i.test(item.title.trim());
}

/**
 * Each recommendation with the actions that answer it (those beneath it in the tree, and those linked to it with
 * "links to" either way), in the plan's order, grouped: no action; every action complete (ready to close); an action
 * overdue (its current target date before today and not complete); the rest in progress.
 */
export function recommendationCoverage(
  items: readonly CoverageItem[],
  links: readonly { from_item_id: string; to_item_id: string }[],
  states: ReadonlyMap<string, ActionState>,
  today: string,
): RecommendationCoverage[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const children = new Map<string | null, CoverageItem[]>();
  for (const item of items) children.set(item.parent_id, [...(children.get(item.parent_id) ?? []), item]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const treeOrder: CoverageItem[] = [];
  const walk = (parentId: string | null, seen: Set<string>) => {
    for (const child of children.get(parentId) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      treeOrder.push(child);
      walk(child.id, seen);
    }
  };
  walk(null, new Set());
  const beneath = (id: string): CoverageItem[] => (children.get(id) ?? []).flatMap((child) => [child, ...beneath(child.id)]);

  const answering = (recommendation: CoverageItem): AnsweringAction[] => {
    const below = beneath(recommendation.id).filter((item) => item.kind === 'action');
    const belowIds = new Set(below.map((item) => item.id));
    const linkedIds = links.flatMap((link) =>
      link.from_item_id === recommendation.id ? [link.to_item_id] : link.to_item_id === recommendation.id ? [link.from_item_id] : [],
    );
    const linked = linkedIds.map((id) => byId.get(id)).filter((item): item is CoverageItem => item?.kind === 'action' && !belowIds.has(item.id));
    const unique = [...new Map([...below, ...linked].map((item) => [item.id, item])).values()];
    return unique.map((item) => {
      const state = states.get(item.id);
      const complete = state?.complete ?? false;
      const due = state ? state.effectiveEnd : null;
      return {
        id: item.id,
        ref: item.ref,
        title: item.title,
        complete,
        overdue: !complete && due !== null && due < today,
        status: state?.status ?? null,
        due: state?.effectiveText ?? null,
        linked: !belowIds.has(item.id),
      };
    });
  };

  return treeOrder.filter(isRecommendation).map((recommendation) => {
    const actions = answering(recommendation);
    const group: CoverageGroup =
      actions.length === 0 ? 'no_action' : actions.every((action) => action.complete) ? 'ready_to_close' : actions.some((action) => action.overdue) ? 'overdue' : 'in_progress';
    return { id: recommendation.id, ref: recommendation.ref, title: recommendation.title, group, actions };
  });
}
