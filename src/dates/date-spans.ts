import { addMonths, isExists, lastDayOfMonth } from 'date-fns';
import type { DatePrecision } from './fuzzy-date.types.ts';

/** A period of calendar days named by one phrase of a date text ("Dec 09", "Q3 2024/25", "31/12/14"). */
export interface DateSpan {
  start: Date;
  end: Date;
  precision: DatePrecision;
}

/** "09" → 2009, "2009" → 2009; two-digit years from 70 up are read as 19xx. */
export function fullYear(text: string): number {
  const digits = text.replace(/\D/g, '');
  const n = Number(digits);
  if (digits.length >= 3) return n;
  return n >= 70 ? 1900 + n : 2000 + n;
}

export function daySpan(year: number, month: number, day: number): DateSpan | null {
  if (month < 1 || month > 12 || !isExists(year, month - 1, day)) return null;
  const date = new Date(year, month - 1, day);
  return { start: date, end: date, precision: 'day' };
}

export function monthSpan(year: number, month: number): DateSpan {
  const start = new Date(year, month - 1, 1);
  return { start, end: lastDayOfMonth(start), precision: 'month' };
}

/** Several whole months from (year, month), e.g. a quarter or a season. */
export function monthsSpan(year: number, month: number, count: number, precision: DatePrecision): DateSpan {
  const start = new Date(year, month - 1, 1);
  return { start, end: lastDayOfMonth(addMonths(start, count - 1)), precision };
}

export function yearSpan(year: number): DateSpan {
  return { start: new Date(year, 0, 1), end: new Date(year, 11, 31), precision: 'year' };
}

/** The financial year that starts in `year` (2024/25 with an April start: 1 Apr 2024 – 31 Mar 2025). */
export function financialYearSpan(year: number, fyStartMonth: number): DateSpan {
  return monthsSpan(year, fyStartMonth, 12, 'financial_year');
}

/** Quarter 1–4 of the financial year starting in `year`; Q1 is the first three months of that year. */
export function financialQuarterSpan(year: number, quarter: number, fyStartMonth: number): DateSpan {
  const start = addMonths(new Date(year, fyStartMonth - 1, 1), (quarter - 1) * 3);
  return monthsSpan(start.getFullYear(), start.getMonth() + 1, 3, 'quarter');
}

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

export function seasonSpan(season: string, year: number): DateSpan | null {
  const month = SEASON_START[season.toLowerCase()];
  return month === undefined ? null : monthsSpan(year, month, 3, 'range');
}
