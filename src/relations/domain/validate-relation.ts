import { describeCycle, findCycle } from './find-cycle.ts';
import { isScheduling, isSymmetric, type Relation } from './relation.ts';

export interface RelationContext {
  /** Items of the same plan (and organisation) that the user may see. */
  visibleItemIds: ReadonlySet<string>;
  /** The plan's relations as they stand. */
  existing: readonly Relation[];
  /** Days from the plan's start to its end. */
  planLengthDays: number;
  /** How an item is named in a message: its printed reference, or its title when it has none. */
  labelOf: (id: string) => string;
}

export type RelationProblem =
  | { code: 'self_relation'; field: 'toId'; message: string }
  | { code: 'not_visible'; field: 'toId' | 'fromId'; message: string }
  | { code: 'duplicate_relation'; field: 'toId'; message: string }
  | { code: 'lag_not_whole_days' | 'lag_beyond_plan'; field: 'lagDays'; message: string }
  | { code: 'cycle'; field: 'toId'; message: string; cycle: string[] };

const VERB: Record<Relation['type'], string> = {
  depends_on: 'depends on',
  follows_on_from: 'follows on from',
  links_to: 'links to',
  duplicates: 'duplicates',
};

/** The first reason to refuse `candidate`, or null when it may be saved. */
export function validateRelation(candidate: Relation, context: RelationContext): RelationProblem | null {
  const { labelOf } = context;
  if (!context.visibleItemIds.has(candidate.fromId)) {
    return { code: 'not_visible', field: 'fromId', message: 'This item is not in the plan, or you cannot see it' };
  }
  const from = labelOf(candidate.fromId);
  if (!context.visibleItemIds.has(candidate.toId)) {
    const message = `${from} cannot be related to an item outside this plan, or one you cannot see`;
    return { code: 'not_visible', field: 'toId', message };
  }
  if (candidate.fromId === candidate.toId) {
    return { code: 'self_relation', field: 'toId', message: `${from} cannot be related to itself` };
  }
  const same = context.existing.find((relation) => isSameRelation(relation, candidate));
  if (same) {
    const message = `${labelOf(same.fromId)} already ${VERB[same.type]} ${labelOf(same.toId)}`;
    return { code: 'duplicate_relation', field: 'toId', message };
  }
  if (candidate.type === 'depends_on') {
    const lagProblem = checkLag(candidate.lagDays, context.planLengthDays);
    if (lagProblem) return lagProblem;
  }
  const cycle = findCycle(context.existing, candidate);
  if (cycle) {
    const message = `This would make a loop: ${describeCycle(cycle, labelOf)}`;
    return { code: 'cycle', field: 'toId', message, cycle };
  }
  return null;
}

function isSameRelation(a: Relation, b: Relation): boolean {
  const sameWay = a.fromId === b.fromId && a.toId === b.toId;
  const otherWay = a.fromId === b.toId && a.toId === b.fromId;
  if (a.type === b.type) return sameWay || (isSymmetric(a.type) && otherWay);
  return isScheduling(a.type) && isScheduling(b.type) && sameWay;
}

function checkLag(lagDays: number, planLengthDays: number): RelationProblem | null {
  if (!Number.isInteger(lagDays)) {
    const message = `Lag must be a whole number of days, not ${lagDays}`;
    return { code: 'lag_not_whole_days', field: 'lagDays', message };
  }
  if (Math.abs(lagDays) > planLengthDays) {
    const which = lagDays < 0 ? `A negative lag of ${lagDays}` : `A lag of ${lagDays}`;
    const message = `${which} days is longer than the plan itself (${planLengthDays} days)`;
    return { code: 'lag_beyond_plan', field: 'lagDays', message };
  }
  return null;
}
