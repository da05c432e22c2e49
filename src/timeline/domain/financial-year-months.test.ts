import { describe, expect, it } from 'vitest';
import { financialYearLabel, financialYearMonths, planYearStartMonth } from './financial-year-months.ts';
import { periodOfPlannedMonths } from '../../dates/planned-months-period.ts';

describe('financialYearMonths', () => {
  it('gives seed 003’s July–June grid for a 2007/08 plan', () => {
    const months = financialYearMonths('2007-09-01', '2008-03-31', 7);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2007-07');
    expect(months.at(-1)).toBe('2008-06');
  });

  it('covers every April–March year the period touches', () => {
    const months = financialYearMonths('2025-03-15', '2026-04-01', 4);
    expect(months).toHaveLength(36);
    expect([months[0], months.at(-1)]).toEqual(['2024-04', '2027-03']);
  });

  it('labels years the way councils write them', () => {
    expect(financialYearLabel(2007, 7)).toBe('2007/08');
    expect(financialYearLabel(1999, 4)).toBe('1999/00');
    expect(financialYearLabel(2025, 1)).toBe('2025');
  });
});

describe('a plan’s own years', () => {
  it('start in the month of a period that is whole years from the first of a month, else the organisation’s', () => {
    expect(planYearStartMonth({ period_start: '2007-07-01', period_end: '2008-06-30' }, 4)).toBe(7);
    expect(planYearStartMonth({ period_start: '2025-07-01', period_end: '2027-06-30' }, 4)).toBe(7);
    expect(planYearStartMonth({ period_start: '2025-05-10', period_end: '2026-03-31' }, 4)).toBe(4);
    expect(planYearStartMonth({ period_start: '2025-07-01', period_end: null }, 4)).toBe(4);
    expect(planYearStartMonth({ period_start: null, period_end: null }, 1)).toBe(1);
  });

  it('come from a month grid, rounded out to whole years', () => {
    expect(periodOfPlannedMonths(['2007-10', '2007-07', '2008-06', '2007-07'])).toEqual({ start: '2007-07-01', end: '2008-06-30' });
    expect(periodOfPlannedMonths(['2007-07', '2007-09'])).toEqual({ start: '2007-07-01', end: '2008-06-30' });
    expect(periodOfPlannedMonths([])).toBeNull();
    expect(periodOfPlannedMonths(['2001-01', '2009-01'])).toBeNull();
  });
});
