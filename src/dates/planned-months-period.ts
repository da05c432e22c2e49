import { addDays, addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';

/**
 * A plan period from its month grid ("2007-07" … "2008-06"): the first planned month's first day to the last one's
 * last day, rounded out to whole years from the first month; null without planned months or over more than 5 years.
 */
export function periodOfPlannedMonths(months: readonly string[]): { start: string; end: string } | null {
  const sorted = [...new Set(months)].sort();
  const [first] = sorted;
  const last = sorted.at(-1);
  if (!first || !last) return null;
  const from = parseISO(`${first}-01`);
  const monthsSpanned = differenceInCalendarMonths(parseISO(`${last}-01`), from) + 1;
  const years = Math.ceil(monthsSpanned / 12);
  if (years > 5) return null;
  return { start: format(from, 'yyyy-MM-dd'), end: format(addDays(addMonths(from, years * 12), -1), 'yyyy-MM-dd') };
}
