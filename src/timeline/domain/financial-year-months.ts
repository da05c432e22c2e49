import { addDays, addMonths, eachMonthOfInterval, format, parseISO } from 'date-fns';

/** The calendar year in which the financial year holding `iso` starts (fyStartMonth 1–12; UK councils use 4). */
export function financialYearOf(iso: string, fyStartMonth: number): number {
  const date = parseISO(iso);
  return date.getMonth() + 1 >= fyStartMonth ? date.getFullYear() : date.getFullYear() - 1;
}

/** "2007/08" for the year starting July 2007; "2007" when the financial year is the calendar year. */
export function financialYearLabel(startYear: number, fyStartMonth: number): string {
  return fyStartMonth === 1 ? String(startYear) : `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The months ('YYYY-MM') of the whole financial years that cover the period, e.g. 2007-07 … 2008-06 for a plan
 * running from September 2007 to March 2008 in a July–June year.
 */
export function financialYearMonths(startIso: string, endIso: string, fyStartMonth: number): string[] {
  const [fromIso, toIso] = startIso <= endIso ? [startIso, endIso] : [endIso, startIso];
  const first = new Date(financialYearOf(fromIso, fyStartMonth), fyStartMonth - 1, 1);
  const last = addMonths(new Date(financialYearOf(toIso, fyStartMonth), fyStartMonth - 1, 1), 11);
  return eachMonthOfInterval({ start: first, end: last }).map((month) => format(month, 'yyyy-MM'));
}

/**
 * The month a plan's own years start in: the month of its period's start when the period is whole years from the
 * first of a month (seed 003's 1 July 2007 – 30 June 2008 runs July–June), else the organisation's financial year.
 */
export function planYearStartMonth(period: { period_start: string | null; period_end: string | null }, fyStartMonth: number): number {
  const { period_start: start, period_end: end } = period;
  if (!start || !end || !start.endsWith('-01')) return fyStartMonth;
  const from = parseISO(start);
  const wholeYears = [1, 2, 3, 4, 5].some((years) => format(addDays(addMonths(from, years * 12), -1), 'yyyy-MM-dd') === end);
  return wholeYears ? from.getMonth() + 1 : fyStartMonth;
}
