import { isScheduling, type Relation } from './relation.ts';

/**
 * Would adding `candidate` close a loop of scheduling relations? Returns the loop as item ids in order, starting
 * with the candidate's dependent: [A, B, C] means A depends on B, B on C and C on A. Null when there is no loop.
 * Breadth-first from the candidate's predecessor, so the shortest loop is named; O(items + relations).
 */
export function findCycle(relations: readonly Relation[], candidate: Relation): string[] | null {
  if (!isScheduling(candidate.type)) return null;
  if (candidate.fromId === candidate.toId) return [candidate.fromId];

  const predecessorsOf = new Map<string, string[]>();
  for (const relation of relations) {
    if (!isScheduling(relation.type)) continue;
    const list = predecessorsOf.get(relation.fromId);
    if (list) list.push(relation.toId);
    else predecessorsOf.set(relation.fromId, [relation.toId]);
  }

  const cameFrom = new Map<string, string | null>([[candidate.toId, null]]);
  const queue = [candidate.toId];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] as string;
    if (id === candidate.fromId) return [candidate.fromId, ...pathTo(cameFrom, id).slice(0, -1)];
    for (const next of predecessorsOf.get(id) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, id);
      queue.push(next);
    }
  }
  return null;
}

function pathTo(cameFrom: ReadonlyMap<string, string | null>, end: string): string[] {
  const path: string[] = [];
  for (let id: string | null | undefined = end; id != null; id = cameFrom.get(id)) path.push(id);
  return path.reverse();
}

/** "A depends on B, B on C, C on A" for the cycle [A, B, C]. */
export function describeCycle(cycle: readonly string[], labelOf: (id: string) => string): string {
  if (cycle.length === 0) return '';
  const labels = cycle.map(labelOf);
  const links = labels.map((label, index) => {
    const next = labels[(index + 1) % labels.length] as string;
    return index === 0 ? `${label} depends on ${next}` : `${label} on ${next}`;
  });
  return links.join(', ');
}
