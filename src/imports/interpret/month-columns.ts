import { monthInitial, monthNumberOf } from '../../dates/month-names.ts';

/**
 * Month grids: columns headed "July, Aug., Sep. …" or "J A S O N D …" in which ■ marks when work happens. Each month
 * column gets its calendar month ("2007-07"), counted on from the first month the header names, in the plan's year.
 */
export const isMonthName = (text: string): boolean => monthNumberOf(text) !== null;
export const isMonthLetter = (text: string): boolean => /^[A-Z]$/.test(text.trim());
export const isMonthToken = (text: string): boolean => isMonthName(text) || isMonthLetter(text);

export interface PlanYear {
  /** The calendar year the plan's (financial) year starts in, e.g. 2007 for 2007/08; null when unknown. */
  startYear: number | null;
  fyStartMonth: number;
}

/** Month numbers (1–12) for a run of adjacent month columns, given the token each header shows. */
export function monthsOfRun(tokens: string[]): number[] {
  const named = tokens.findIndex(isMonthName);
  let first: number;
  if (named >= 0) {
    first = (monthNumberOf(tokens[named] ?? '') ?? 1) - named;
  } else {
    first = bestLetterStart(tokens);
  }
  return tokens.map((_, i) => ((((first + i - 1) % 12) + 12) % 12) + 1);
}

/**
 * For "J A S O N D J F M A M J" the start month whose initials the letters follow (here July): the longest run of
 * matching letters from the first one wins, then the most matches, so a stray letter later on cannot shift it.
 */
function bestLetterStart(letters: string[]): number {
  let best = 1;
  let bestScore = -1;
  for (let start = 1; start <= 12; start += 1) {
    const fits = letters.map((letter, i) => letter.trim() === monthInitial(start + i));
    const opening = fits.indexOf(false) < 0 ? fits.length : fits.indexOf(false);
    const score = opening * 100 + fits.filter(Boolean).length;
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  return best;
}

/** "YYYY-MM" for each month of a run, or nulls when the plan's year is unknown. */
export function calendarMonths(months: number[], year: PlanYear): (string | null)[] {
  if (year.startYear === null) return months.map(() => null);
  const [first = 1] = months;
  let current = first >= year.fyStartMonth ? year.startYear : year.startYear + 1;
  return months.map((month, i) => {
    if (i > 0 && month <= (months[i - 1] ?? 0)) current += 1;
    return `${current}-${String(month).padStart(2, '0')}`;
  });
}
