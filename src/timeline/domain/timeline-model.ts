import { format, parseISO } from 'date-fns';
import { computeKnockOn, type KnockOn, type KnockOnItem } from '../../relations/domain/knock-on.ts';
import { knockOnReason } from '../../relations/domain/knock-on-reason.ts';
import type { Relation } from '../../relations/domain/relation.ts';
import { plannedRuns, rowCells, type TimelineCell } from './timeline-cells.ts';
import { buildColumns, type ColumnGroupRow, type TimelineColumn, type TimelineZoom } from './timeline-columns.ts';
import { dependencyArrows, positionOf, type DependencyArrow } from './timeline-arrows.ts';
import { hierarchyOrder } from './timeline-hierarchy.ts';
import { isOverdue } from './overdue.ts';

export interface TimelineItem extends KnockOnItem {
  parentId: string | null;
  /** section, outcome, measure, action, milestone … */
  kind: string;
  lead: string | null;
  /** 'YYYY-MM' months when work happens (seed 003's ■ marks). */
  plannedMonths: readonly string[];
  /** The target date as written ("31December 07"), shown beside its meaning. */
  targetText?: string | null;
}

export interface TimelineInput {
  title: string;
  period: { start: string; end: string };
  fyStartMonth: number;
  /** ISO date. */
  today: string;
  zoom: TimelineZoom;
  items: readonly TimelineItem[];
  relations: readonly Relation[];
  /** Knock-on worked out over the whole plan; computed from `items` when absent (wrong if items are filtered). */
  knockOn?: readonly KnockOn[];
}

export interface TimelineRow {
  index: number;
  id: string;
  parentId: string | null;
  ref: string | null;
  title: string;
  kind: string;
  lead: string | null;
  depth: number;
  start: string | null;
  targetEnd: string | null;
  targetText: string | null;
  revisedEnd: string | null;
  complete: boolean;
  overdue: boolean;
  atRisk: boolean;
  /** "at risk from 1.2 via 1.3" */
  atRiskLabel: string | null;
  /** "At risk from 1.2: its revised date 30/06/2015 is 45 days after this action's start" */
  atRiskReason: string | null;
  cells: TimelineCell[];
  /** Runs of planned columns, first and last index. */
  plannedRuns: [number, number][];
  targetColumn: number | null;
  revisedColumn: number | null;
  /** In columns from the left edge (2.5 = halfway through the third); null when outside the grid. */
  targetPosition: number | null;
  revisedPosition: number | null;
}

export interface TimelineModel {
  title: string;
  zoom: TimelineZoom;
  columns: TimelineColumn[];
  groupRows: ColumnGroupRow[];
  rows: TimelineRow[];
  arrows: DependencyArrow[];
  today: string;
  todayColumn: number | null;
  todayPosition: number | null;
  counts: { rows: number; atRisk: number; overdue: number; dependencies: number };
  /** One paragraph that says what the chart shows, for <desc> and for the page. */
  description: string;
}

export function buildTimelineModel(input: TimelineInput): TimelineModel {
  const { columns, groupRows } = buildColumns(input.period.start, input.period.end, input.fyStartMonth, input.zoom);
  const knockOn = input.knockOn ?? computeKnockOn(input.items, input.relations);
  const knockOnById = new Map(knockOn.map((entry) => [entry.itemId, entry]));
  const rows = hierarchyOrder(input.items).map(({ item, depth }, index): TimelineRow => {
    const targetPosition = positionOf(columns, item.end);
    const revised = item.revisedEnd !== null && item.revisedEnd !== item.end ? item.revisedEnd : null;
    const revisedPosition = positionOf(columns, revised);
    const targetColumn = targetPosition === null ? null : Math.floor(targetPosition);
    const revisedColumn = revisedPosition === null ? null : Math.floor(revisedPosition);
    const plannedMonths = new Set(item.plannedMonths);
    const cellInput = { plannedMonths, plannedFrom: item.start, plannedTo: item.end, targetColumn, revisedColumn };
    const cells = rowCells(columns, cellInput);
    const knockOn = knockOnById.get(item.id);
    return {
      index,
      id: item.id,
      parentId: item.parentId,
      ref: item.ref,
      title: item.title,
      kind: item.kind,
      lead: item.lead,
      depth,
      start: item.start,
      targetEnd: item.end,
      targetText: item.targetText ?? null,
      revisedEnd: item.revisedEnd,
      complete: item.complete,
      overdue: isOverdue(item, input.today),
      atRisk: knockOn !== undefined,
      atRiskLabel: knockOn?.label ?? null,
      atRiskReason: knockOn ? knockOnReason(knockOn) : null,
      cells,
      plannedRuns: plannedRuns(cells),
      targetColumn,
      revisedColumn,
      targetPosition,
      revisedPosition,
    };
  });
  const arrows = dependencyArrows(columns, rows, input.relations, knockOnById);
  const todayPosition = positionOf(columns, input.today);
  const counts = {
    rows: rows.length,
    atRisk: rows.filter((row) => row.atRisk).length,
    overdue: rows.filter((row) => row.overdue).length,
    dependencies: arrows.length,
  };
  const model = { title: input.title, zoom: input.zoom, columns, groupRows, rows, arrows, today: input.today, counts };
  const todayColumn = todayPosition === null ? null : Math.floor(todayPosition);
  return { ...model, todayColumn, todayPosition, description: describe(model) };
}

function describe(model: Pick<TimelineModel, 'title' | 'zoom' | 'columns' | 'today' | 'counts'>): string {
  const { counts, columns } = model;
  const span = columns.length > 0 ? ` from ${columns[0]?.label} to ${columns.at(-1)?.label}` : '';
  const today = format(parseISO(model.today), 'd MMMM yyyy');
  return (
    `Timeline of ${model.title}: ${counts.rows} items${span}, by ${model.zoom}. ` +
    `${counts.atRisk} at risk from a slip elsewhere, ${counts.overdue} overdue, ${counts.dependencies} dependencies ` +
    `shown as arrows. Today is ${today}.`
  );
}
