import type { KnockOn } from '../../relations/domain/knock-on.ts';
import { isScheduling, type Relation, type RelationType } from '../../relations/domain/relation.ts';
import { columnPosition, type TimelineColumn } from './timeline-columns.ts';

/** An arrow from the end of a predecessor's row to the start of its dependent's row. */
export interface DependencyArrow {
  fromRow: number;
  toRow: number;
  /** In columns from the left edge; dates outside the grid are pinned to its edges. */
  fromPosition: number;
  toPosition: number;
  fromRef: string;
  toRef: string;
  type: RelationType;
  lagDays: number;
  /** The dependent is at risk because of this predecessor. */
  atRisk: boolean;
  /** "1.3 depends on 1.2" */
  description: string;
}

interface ArrowRow {
  index: number;
  id: string;
  ref: string | null;
  title: string;
  start: string | null;
  targetEnd: string | null;
  revisedEnd: string | null;
  plannedRuns: [number, number][];
}

/** Where a date falls in the grid, in columns; null for no date or a date outside the grid. */
export function positionOf(columns: readonly TimelineColumn[], iso: string | null, endOfDay = false): number | null {
  return iso === null ? null : columnPosition(columns, iso, endOfDay);
}

export function dependencyArrows(
  columns: readonly TimelineColumn[],
  rows: readonly ArrowRow[],
  relations: readonly Relation[],
  knockOnById: ReadonlyMap<string, KnockOn>,
): DependencyArrow[] {
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const arrows: DependencyArrow[] = [];
  for (const relation of relations) {
    const dependent = rowById.get(relation.fromId);
    const predecessor = rowById.get(relation.toId);
    if (!isScheduling(relation.type) || !dependent || !predecessor) continue;
    const fromPosition = pinned(columns, predecessor.revisedEnd ?? predecessor.targetEnd, true) ??
      lastPlanned(predecessor.plannedRuns);
    const toPosition = pinned(columns, dependent.start, false) ?? firstPlanned(dependent.plannedRuns) ??
      pinned(columns, dependent.targetEnd, false);
    if (fromPosition === null || toPosition === null) continue;
    const [fromRef, toRef] = [predecessor.ref ?? predecessor.title, dependent.ref ?? dependent.title];
    const verb = relation.type === 'depends_on' ? 'depends on' : 'follows on from';
    arrows.push({
      fromRow: predecessor.index,
      toRow: dependent.index,
      fromPosition,
      toPosition,
      fromRef,
      toRef,
      type: relation.type,
      lagDays: relation.type === 'depends_on' ? relation.lagDays : 0,
      atRisk: knockOnById.get(dependent.id)?.predecessorId === predecessor.id,
      description: `${toRef} ${verb} ${fromRef}`,
    });
  }
  return arrows;
}

function pinned(columns: readonly TimelineColumn[], iso: string | null, endOfDay: boolean): number | null {
  if (iso === null || columns.length === 0) return null;
  const position = columnPosition(columns, iso, endOfDay);
  if (position !== null) return position;
  const first = columns[0] as TimelineColumn;
  return iso < first.start ? 0 : iso > (columns.at(-1) as TimelineColumn).end ? columns.length : null;
}

function lastPlanned(runs: readonly [number, number][]): number | null {
  const last = runs.at(-1);
  return last ? last[1] + 1 : null;
}

function firstPlanned(runs: readonly [number, number][]): number | null {
  const first = runs[0];
  return first ? first[0] : null;
}
