import { addMonths, differenceInCalendarMonths, endOfMonth, format, parseISO } from 'date-fns';
import { financialYearOf } from '../timeline/domain/financial-year-months.ts';
import { measurePeriods } from './domain/measure-periods.ts';
import type { Period } from './domain/measure.ts';

/** A period a measure reports on, with its dates (to place a date from a spreadsheet). */
export interface MeasurePeriod extends Period {
  start: string;
  end: string;
  /** The reporting period's id (its papers publish what belongs to it); null for a financial quarter without one. */
  periodId: string | null;
}

export interface ReportingPeriodRow {
  id?: string;
  cycle_id: string;
  label: string;
  period_start: string;
  period_end: string;
}

export interface CycleRow {
  id: string;
  frequency: string;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * A stable key for a reporting period: a financial quarter is '2025-Q1' and a calendar month '2025-04' (the same
 * keys measurePeriods uses, so actuals keep their period when a cycle is added later); anything else 'start..end'.
 */
export function periodKey(start: string, end: string, fyStartMonth: number): string {
  const [from, to] = [parseISO(start), parseISO(end)];
  const wholeMonths = from.getDate() === 1 && iso(endOfMonth(to)) === end;
  const months = differenceInCalendarMonths(to, from) + 1;
  if (wholeMonths && months === 1) return format(from, 'yyyy-MM');
  const offset = (from.getMonth() + 1 - fyStartMonth + 12) % 12;
  if (wholeMonths && months === 3 && offset % 3 === 0) return `${financialYearOf(start, fyStartMonth)}-Q${offset / 3 + 1}`;
  return `${start}..${end}`;
}

/**
 * The periods a plan's measures report on: the plan's reporting periods when it has a cycle (a quarterly cycle if
 * there is one, else the first), otherwise the quarters of the financial years the plan covers.
 */
export function planMeasurePeriods(input: {
  cycles: readonly CycleRow[];
  reporting: readonly ReportingPeriodRow[];
  planStart: string | null;
  planEnd: string | null;
  fyStartMonth: number;
  today: string;
}): MeasurePeriod[] {
  const withPeriods = input.cycles.filter((cycle) => input.reporting.some((period) => period.cycle_id === cycle.id));
  const cycle = withPeriods.find((candidate) => candidate.frequency === 'quarterly') ?? withPeriods[0];
  if (cycle) {
    return input.reporting
      .filter((period) => period.cycle_id === cycle.id)
      .toSorted((a, b) => a.period_start.localeCompare(b.period_start))
      .map((period) => ({
        key: periodKey(period.period_start, period.period_end, input.fyStartMonth),
        label: period.label,
        start: period.period_start,
        end: period.period_end,
        periodId: period.id ?? null,
      }));
  }
  const start = input.planStart ?? input.planEnd ?? input.today;
  const end = input.planEnd ?? iso(addMonths(parseISO(start), 11));
  return measurePeriods(start, end, input.fyStartMonth, 'quarter').map((period) => {
    const [year, quarter] = period.key.split('-Q').map(Number) as [number, number];
    const first = new Date(year, input.fyStartMonth - 1 + (quarter - 1) * 3, 1);
    return { ...period, start: iso(first), end: iso(endOfMonth(addMonths(first, 2))), periodId: null };
  });
}

/** The period a typed or imported period refers to: its key, its label ("Q1 2025/26"), or a date inside it. */
export function findPeriod(periods: readonly MeasurePeriod[], raw: string): MeasurePeriod | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const named = periods.find((period) => period.key.toLowerCase() === text || period.label.toLowerCase() === text);
  if (named || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return named;
  return periods.find((period) => period.start <= text && text <= period.end);
}
