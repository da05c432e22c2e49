import { MONTH_NAME_SOURCE, monthNumberOf } from './month-names.ts';
import {
  daySpan,
  financialQuarterSpan,
  financialYearSpan,
  fullYear,
  monthSpan,
  monthsSpan,
  seasonSpan,
  yearSpan,
  type DateSpan,
} from './date-spans.ts';

export interface PhraseContext {
  fyStartMonth: number;
  /** Year used for phrases that name no year ("20th February", "May"); null when none was given. */
  referenceYear: number | null;
}

interface DatePhrase {
  pattern: RegExp;
  read: (m: RegExpExecArray, ctx: PhraseContext) => DateSpan | null;
}

const MONTH = `(${MONTH_NAME_SOURCE})\\.?`;
const YEAR = `((?:19|20)\\d{2}|'?\\d{2})`;
const num = (m: RegExpExecArray, i: number): number => Number(m[i] ?? '');
const month = (m: RegExpExecArray, i: number): number => monthNumberOf(m[i] ?? '') ?? 0;

/** Two years that name one financial year: 2008/09, 2008/2009, 2008-09. */
function consecutive(first: number, second: string): boolean {
  const secondYear = second.length <= 2 ? Math.floor(first / 100) * 100 + Number(second) : Number(second);
  return secondYear === first + 1 || (second.length <= 2 && Number(second) === (first + 1) % 100);
}

function monthRange(fromMonth: number, toMonth: number, year: number): DateSpan {
  const startYear = fromMonth > toMonth ? year - 1 : year;
  const span = monthSpan(year, toMonth);
  return { start: monthSpan(startYear, fromMonth).start, end: span.end, precision: 'range' };
}

/** Every phrase of a date text this parser understands. Longer, earlier matches win over the ones they overlap. */
export const DATE_PHRASES: DatePhrase[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => daySpan(num(m, 1), num(m, 2), num(m, 3)) },
  {
    pattern: /\b(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})\b/g,
    read: (m) => daySpan(fullYear(m[4] ?? ''), num(m, 3), num(m, 1)),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*[.,/-]?\\s*${MONTH}(?:,?\\s*${YEAR})?\\b`, 'gi'),
    read: (m, ctx) => {
      const year = m[3] ? fullYear(m[3]) : ctx.referenceYear;
      return year === null ? null : daySpan(year, month(m, 2), num(m, 1));
    },
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s*(?:/|-|–|to|and|&)\\s*${MONTH}\\s*[-/]?\\s*${YEAR}\\b`, 'gi'),
    read: (m) => monthRange(month(m, 1), month(m, 2), fullYear(m[3] ?? '')),
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s*[-/]?\\s*${YEAR}\\b`, 'gi'),
    read: (m) => monthSpan(fullYear(m[2] ?? ''), month(m, 1)),
  },
  {
    pattern: /\bQ(?:uarter)?\s*([1-4])\s*[,:]?\s*(?:FY\s*)?((?:19|20)\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?\b/gi,
    read: (m, ctx) => {
      const year = num(m, 2);
      if (m[3] && consecutive(year, m[3])) return financialQuarterSpan(year, num(m, 1), ctx.fyStartMonth);
      return monthsSpan(year, (num(m, 1) - 1) * 3 + 1, 3, 'quarter');
    },
  },
  {
    pattern: new RegExp(`\\b(spring|summer|autumn|fall|winter)\\s+${YEAR}\\b`, 'gi'),
    read: (m) => seasonSpan(m[1] ?? '', fullYear(m[2] ?? '')),
  },
  {
    pattern: /\b((?:19|20)\d{2})\s*([/–-])\s*(\d{4}|\d{2})\b/g,
    read: (m, ctx) => {
      const first = num(m, 1);
      const second = m[3] ?? '';
      if (consecutive(first, second) && (m[2] === '/' || second.length === 2)) {
        return financialYearSpan(first, ctx.fyStartMonth);
      }
      if (second.length !== 4 || Number(second) < first) return null;
      return { start: yearSpan(first).start, end: yearSpan(Number(second)).end, precision: 'range' };
    },
  },
  {
    pattern: /\b(\d{2})\s?\/\s?(\d{2})\b/g,
    read: (m, ctx) => (consecutive(fullYear(m[1] ?? ''), m[2] ?? '') ? financialYearSpan(fullYear(m[1] ?? ''), ctx.fyStartMonth) : null),
  },
  { pattern: /\b((?:19|20)\d{2})\b/g, read: (m) => yearSpan(num(m, 1)) },
  {
    pattern: new RegExp(`\\b${MONTH}(?![a-z])`, 'gi'),
    read: (m, ctx) => (ctx.referenceYear === null ? null : monthSpan(ctx.referenceYear, month(m, 1))),
  },
];
