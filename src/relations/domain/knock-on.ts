import { dayNumber, isoOfDay } from './day-number.ts';
import { isScheduling, schedulingLag, type Relation } from './relation.ts';

export interface KnockOnItem {
  id: string;
  ref: string | null;
  title: string;
  /** ISO dates; the finish that counts is revisedEnd ?? end. */
  start: string | null;
  end: string | null;
  revisedEnd: string | null;
  complete: boolean;
}

/** One dependent put at risk by a predecessor's finish (its own, or one pushed on by a slip further up). */
export interface KnockOn {
  itemId: string;
  itemRef: string;
  /** The item whose date causes it: the start of the chain. */
  sourceId: string;
  sourceRef: string;
  /** Items between the source and this one, nearest the source first ("at risk from 1.2 via 1.3"). */
  viaIds: string[];
  viaRefs: string[];
  /** The direct predecessor and its finish that causes the risk: its revised date, its target, or as pushed on. */
  predecessorId: string;
  predecessorRef: string;
  predecessorFinish: string;
  finishKind: 'revised' | 'target' | 'projected';
  lagDays: number;
  /** This item's date that the finish runs past: its start, or its target date when it has no start. */
  comparedWith: 'start' | 'end';
  comparedDate: string;
  /** Days this item is pushed on, counting any push its predecessor has had. */
  overlapDays: number;
  /** Where this item's finish moves to if it keeps its length; null when it has no finish date. */
  projectedFinish: string | null;
  /** "at risk from 1.2 via 1.3" */
  label: string;
}

interface Link { index: number; lag: number }

/**
 * Every dependent whose start (or end, without a start) falls before its predecessor's finish plus the lag, in
 * dependency order; a dependent pushed on pushes its own dependents. Complete items neither threaten nor are
 * threatened. Items in a loop (which validation refuses) are left out. O(items + relations).
 */
export function computeKnockOn(items: readonly KnockOnItem[], relations: readonly Relation[]): KnockOn[] {
  const indexOf = new Map(items.map((item, index) => [item.id, index]));
  const predecessors: Link[][] = items.map(() => []);
  const dependents: number[][] = items.map(() => []);
  const waiting = new Array<number>(items.length).fill(0);
  for (const relation of relations) {
    const dependent = indexOf.get(relation.fromId);
    const predecessor = indexOf.get(relation.toId);
    if (!isScheduling(relation.type) || dependent === undefined || predecessor === undefined) continue;
    predecessors[dependent]?.push({ index: predecessor, lag: schedulingLag(relation) });
    dependents[predecessor]?.push(dependent);
    waiting[dependent] = (waiting[dependent] ?? 0) + 1;
  }

  const finish = items.map((item) => dayNumber(item.revisedEnd ?? item.end));
  const found: (KnockOn | undefined)[] = new Array<KnockOn | undefined>(items.length);
  const results: KnockOn[] = [];
  const queue = items.flatMap((_, index) => (waiting[index] === 0 ? [index] : []));
  for (let head = 0; head < queue.length; head += 1) {
    const index = queue[head] as number;
    const knockOn = assess(index, items, predecessors[index] ?? [], finish, found);
    if (knockOn) {
      found[index] = knockOn;
      results.push(knockOn);
    }
    for (const next of dependents[index] ?? []) {
      waiting[next] = (waiting[next] ?? 0) - 1;
      if (waiting[next] === 0) queue.push(next);
    }
  }
  return results;
}

function assess(
  index: number,
  items: readonly KnockOnItem[],
  links: readonly Link[],
  finish: number[],
  found: readonly (KnockOn | undefined)[],
): KnockOn | undefined {
  const item = items[index] as KnockOnItem;
  const comparedWith = item.start !== null ? 'start' : 'end';
  const compared = dayNumber(item.start ?? item.end);
  if (item.complete || Number.isNaN(compared)) return undefined;

  let binding: Link | undefined;
  let overlap = 0;
  for (const link of links) {
    const before = items[link.index] as KnockOnItem;
    const over = (finish[link.index] ?? Number.NaN) + link.lag - compared;
    if (!before.complete && over > overlap) [binding, overlap] = [link, over];
  }
  if (!binding) return undefined;

  const ownFinish = finish[index] ?? Number.NaN;
  finish[index] = ownFinish + overlap;
  const predecessor = items[binding.index] as KnockOnItem;
  const pushed = found[binding.index];
  const ownDate = dayNumber(predecessor.revisedEnd ?? predecessor.end);
  const chained = pushed !== undefined && !(ownDate + binding.lag > compared);
  const predecessorRef = refOf(predecessor);
  const sourceId = chained ? pushed.sourceId : predecessor.id;
  const sourceRef = chained ? pushed.sourceRef : predecessorRef;
  const viaIds = chained ? [...pushed.viaIds, predecessor.id] : [];
  const viaRefs = chained ? [...pushed.viaRefs, predecessorRef] : [];
  return {
    itemId: item.id,
    itemRef: refOf(item),
    sourceId,
    sourceRef,
    viaIds,
    viaRefs,
    predecessorId: predecessor.id,
    predecessorRef,
    predecessorFinish: isoOfDay(chained ? (finish[binding.index] ?? Number.NaN) : ownDate),
    finishKind: chained ? 'projected' : predecessor.revisedEnd !== null ? 'revised' : 'target',
    lagDays: binding.lag,
    comparedWith,
    comparedDate: isoOfDay(compared),
    overlapDays: overlap,
    projectedFinish: Number.isNaN(ownFinish) ? null : isoOfDay(ownFinish + overlap),
    label: `at risk from ${sourceRef}${viaRefs.length > 0 ? ` via ${viaRefs.join(', ')}` : ''}`,
  };
}

function refOf(item: KnockOnItem): string {
  return item.ref ?? item.title;
}
