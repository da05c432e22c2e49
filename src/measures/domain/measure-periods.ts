import { format, parseISO } from 'date-fns';
import { financialYearLabel, financialYearMonths } from '../../timeline/domain/financial-year-months.ts';
import type { Period } from './measure.ts';

export type PeriodFrequency = 'month' | 'quarter' | 'year';

/**
 * The reporting periods over the whole financial years of a plan: months ('2025-04', "Apr 2025"), quarters of
 * the financial year ('2025-Q1', "Q1 2025/26") or years ('2025-26', "2025/26").
 */
export function measurePeriods(
  startIso: string,
  endIso: string,
  fyStartMonth: number,
  frequency: PeriodFrequency,
): Period[] {
  const months = financialYearMonths(startIso, endIso, fyStartMonth);
  const periods: Period[] = [];
  const step = frequency === 'month' ? 1 : frequency === 'quarter' ? 3 : 12;
  for (let index = 0; index < months.length; index += step) {
    const month = months[index] as string;
    if (frequency === 'month') {
      periods.push({ key: month, label: format(parseISO(`${month}-01`), 'MMM yyyy') });
      continue;
    }
    const fyStart = Number(months[index - (index % 12)]?.slice(0, 4));
    const year = financialYearLabel(fyStart, fyStartMonth);
    if (frequency === 'year') periods.push({ key: year.replace('/', '-'), label: year });
    else periods.push({ key: `${fyStart}-Q${(index % 12) / 3 + 1}`, label: `Q${(index % 12) / 3 + 1} ${year}` });
  }
  return periods;
}
