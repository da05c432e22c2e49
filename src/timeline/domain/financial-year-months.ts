import { addMonths, eachMonthOfInterval, format, parseISO } from 'date-fns';

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
