import { addDays, addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns';

export interface PeriodSpec {
  label: string;
  start: string;
  end: string;
  due: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** "2025/26" for a date in the financial year starting in fyStartMonth. */
export function financialYearLabel(date: Date, fyStartMonth: number): string {
  const startYear = date.getMonth() + 1 >= fyStartMonth ? date.getFullYear() : date.getFullYear() - 1;
  return fyStartMonth === 1 ? String(startYear) : `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * Reporting periods covering [from, to]: calendar months, or financial quarters aligned to the organisation's
 * financial year ("Quarter 1 2025/26" = April–June when the year starts in April). Each is due `dueDays` after it ends.
 */
export function generatePeriods(frequency: 'monthly' | 'quarterly', from: string, to: string, fyStartMonth: number, dueDays: number): PeriodSpec[] {
  const months = frequency === 'monthly' ? 1 : 3;
  let cursor = startOfMonth(parseISO(from));
  if (frequency === 'quarterly') {
    const offset = (((cursor.getMonth() + 1 - fyStartMonth) % 3) + 3) % 3;
    cursor = addMonths(cursor, -offset);
  }
  const last = parseISO(to);
  const periods: PeriodSpec[] = [];
  while (cursor <= last && periods.length < 240) {
    const end = endOfMonth(addMonths(cursor, months - 1));
    const quarter = Math.floor(((((cursor.getMonth() + 1 - fyStartMonth) % 12) + 12) % 12) / 3) + 1;
    periods.push({
      label: frequency === 'monthly' ? format(cursor, 'MMMM yyyy') : `Quarter ${quarter} ${financialYearLabel(cursor, fyStartMonth)}`,
      start: iso(cursor),
      end: iso(end),
      due: iso(addDays(end, dueDays)),
    });
    cursor = addMonths(cursor, months);
  }
  return periods;
}

/**
 * The first day an update counts for a period: the day after the previous period's due date (an update written
 * just before that date answers the previous period), or the period's own start when it is the first.
 */
export function reportingWindowStart(periodStart: string, previousDue: string | null): string {
  return previousDue ? iso(addDays(parseISO(previousDue), 1)) : periodStart;
}

interface DatedPeriod {
  period_start: string;
  due_date: string;
}

/**
 * The period an update written on `today` answers (periods in date order): the one whose reporting window — from the
 * day after the previous period's due date to its own due date — holds today. In early July the April–June update is
 * still being written, so that is the period, not July–September. After the last due date, the last period (a late
 * update); before the first period starts, none.
 */
export function reportingPeriod<P extends DatedPeriod>(periods: readonly P[], today: string): P | undefined {
  const index = periods.findIndex((p) => p.due_date >= today);
  if (index === -1) return periods.at(-1);
  const period = periods[index];
  if (!period) return undefined;
  return today >= reportingWindowStart(period.period_start, periods[index - 1]?.due_date ?? null) ? period : undefined;
}

/** The latest period whose update was due before `today` (the one a missing update is overdue for), if any. */
export function lastDuePeriod<P extends DatedPeriod>(periods: readonly P[], today: string): P | undefined {
  return periods.filter((p) => p.due_date < today).at(-1);
}

/**
 * Periods that end on dates the plan owner chooses (for example the week before each Audit Committee): the first
 * runs from the plan's start (or the first of its end's month, when the plan starts later), each next one from the
 * day after the previous end. `ends` are ISO dates in order. Each update is due `dueDays` after its period ends.
 */
export function customPeriods(ends: readonly string[], from: string, dueDays: number): PeriodSpec[] {
  return ends.map((end, index) => {
    const previous = ends[index - 1];
    const start = previous ? iso(addDays(parseISO(previous), 1)) : from <= end ? from : iso(startOfMonth(parseISO(end)));
    return { label: `Period to ${format(parseISO(end), 'd MMMM yyyy')}`, start, end, due: iso(addDays(parseISO(end), dueDays)) };
  });
}
