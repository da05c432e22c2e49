import { describe, expect, it } from 'vitest';
import { findPeriod, periodKey, planMeasurePeriods } from './plan-periods.ts';

describe('periodKey', () => {
  it('gives financial quarters and months the keys measurePeriods uses, and anything else its dates', () => {
    expect(periodKey('2025-04-01', '2025-06-30', 4)).toBe('2025-Q1');
    expect(periodKey('2026-01-01', '2026-03-31', 4)).toBe('2025-Q4');
    expect(periodKey('2007-07-01', '2007-09-30', 7)).toBe('2007-Q1');
    expect(periodKey('2025-05-01', '2025-05-31', 4)).toBe('2025-05');
    expect(periodKey('2025-05-01', '2025-07-31', 4)).toBe('2025-05-01..2025-07-31');
    expect(periodKey('2025-04-15', '2025-05-14', 4)).toBe('2025-04-15..2025-05-14');
  });
});

describe('planMeasurePeriods', () => {
  const base = { planStart: '2007-09-01', planEnd: '2008-03-31', fyStartMonth: 7, today: '2007-10-01' };

  it('falls back to the quarters of the plan’s financial years (July–June here), with their dates', () => {
    const periods = planMeasurePeriods({ ...base, cycles: [], reporting: [] });
    expect(periods.map((period) => [period.key, period.label, period.start, period.end])).toEqual([
      ['2007-Q1', 'Q1 2007/08', '2007-07-01', '2007-09-30'],
      ['2007-Q2', 'Q2 2007/08', '2007-10-01', '2007-12-31'],
      ['2007-Q3', 'Q3 2007/08', '2008-01-01', '2008-03-31'],
      ['2007-Q4', 'Q4 2007/08', '2008-04-01', '2008-06-30'],
    ]);
  });

  it('prefers a quarterly reporting cycle over a monthly one, in date order', () => {
    const reporting = [
      { cycle_id: 'm', label: 'October 2007', period_start: '2007-10-01', period_end: '2007-10-31' },
      { cycle_id: 'q', label: 'Quarter 2 2007/08', period_start: '2007-10-01', period_end: '2007-12-31' },
      { cycle_id: 'q', label: 'Quarter 1 2007/08', period_start: '2007-07-01', period_end: '2007-09-30' },
    ];
    const cycles = [{ id: 'm', frequency: 'monthly' }, { id: 'q', frequency: 'quarterly' }];
    expect(planMeasurePeriods({ ...base, cycles, reporting }).map((period) => period.key)).toEqual(['2007-Q1', '2007-Q2']);
    expect(planMeasurePeriods({ ...base, cycles: [cycles[0]!], reporting }).map((period) => period.key)).toEqual(['2007-10']);
  });
});

describe('findPeriod', () => {
  const periods = planMeasurePeriods({ cycles: [], reporting: [], planStart: '2025-04-01', planEnd: '2026-03-31', fyStartMonth: 4, today: '2025-05-01' });

  it('finds a period by its key, its label in any case, or a date inside it', () => {
    expect(findPeriod(periods, '2025-Q2')?.label).toBe('Q2 2025/26');
    expect(findPeriod(periods, ' q3  2025/26 ')?.key).toBe('2025-Q3');
    expect(findPeriod(periods, '2026-02-14')?.key).toBe('2025-Q4');
    expect(findPeriod(periods, '2027-01-01')).toBeUndefined();
    expect(findPeriod(periods, 'Spring')).toBeUndefined();
  });
});
