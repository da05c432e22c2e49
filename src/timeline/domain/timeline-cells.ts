import { dayNumber } from '../../relations/domain/day-number.ts';
import type { TimelineColumn } from './timeline-columns.ts';

/** What one row shows in one column. The same few frozen objects are shared by every cell. */
export interface TimelineCell {
  planned: boolean;
  target: boolean;
  revised: boolean;
  /** For the accessible table: "", "Planned", "Planned; target date", "Revised date" … */
  label: string;
}

const CELLS: readonly TimelineCell[] = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => {
  const [planned, target, revised] = [(bits & 1) !== 0, (bits & 2) !== 0, (bits & 4) !== 0];
  const words = [planned && 'Planned', target && 'target date', revised && 'revised date'].filter(Boolean);
  const label = words.join('; ').replace(/^./, (first) => first.toUpperCase());
  return Object.freeze({ planned, target, revised, label });
});

export function cellOf(planned: boolean, target: boolean, revised: boolean): TimelineCell {
  return CELLS[(planned ? 1 : 0) | (target ? 2 : 0) | (revised ? 4 : 0)] as TimelineCell;
}

export interface CellInput {
  plannedMonths: ReadonlySet<string>;
  /** Used when there are no planned months: the span from start to target end is taken as planned. */
  plannedFrom: string | null;
  plannedTo: string | null;
  targetColumn: number | null;
  revisedColumn: number | null;
}

/** One cell per column; with no planned months, the columns from start to target end count as planned. */
export function rowCells(columns: readonly TimelineColumn[], input: CellInput): TimelineCell[] {
  const [from, to] = [dayNumber(input.plannedFrom), dayNumber(input.plannedTo)];
  const useDates = input.plannedMonths.size === 0 && !Number.isNaN(from) && !Number.isNaN(to);
  return columns.map((column, index) => {
    const planned = useDates
      ? column.startDay <= to && column.endDay >= from
      : column.months.some((month) => input.plannedMonths.has(month));
    return cellOf(planned, input.targetColumn === index, input.revisedColumn === index);
  });
}

/** Runs of planned columns [first, last], for drawing bars rather than one box a cell. */
export function plannedRuns(cells: readonly TimelineCell[]): [number, number][] {
  const runs: [number, number][] = [];
  cells.forEach((cell, index) => {
    if (!cell.planned) return;
    const last = runs.at(-1);
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  });
  return runs;
}
