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
