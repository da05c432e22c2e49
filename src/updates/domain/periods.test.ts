import { describe, expect, it } from 'vitest';
import { customPeriods, generatePeriods, lastDuePeriod, reportingPeriod } from './periods.ts';

describe('reporting periods', () => {
  it('makes financial quarters for an April–March year', () => {
    const periods = generatePeriods('quarterly', '2025-05-10', '2026-03-31', 4, 10);
    expect(periods.map((p) => p.label)).toEqual(['Quarter 1 2025/26', 'Quarter 2 2025/26', 'Quarter 3 2025/26', 'Quarter 4 2025/26']);
    expect(periods[0]).toMatchObject({ start: '2025-04-01', end: '2025-06-30', due: '2025-07-10' });
  });
  it('makes July–June quarters and months', () => {
    expect(generatePeriods('quarterly', '2007-07-01', '2007-12-31', 7, 0)[1]?.label).toBe('Quarter 2 2007/08');
    expect(generatePeriods('monthly', '2025-01-15', '2025-03-01', 4, 5).map((p) => p.label)).toEqual(['January 2025', 'February 2025', 'March 2025']);
  });

  it('files an update written in early July under April–June, whose update is still being written', () => {
    const periods = generatePeriods('quarterly', '2025-04-01', '2026-03-31', 4, 10).map((p) => ({ label: p.label, period_start: p.start, due_date: p.due }));
    const labelOn = (today: string) => reportingPeriod(periods, today)?.label;
    expect(labelOn('2025-03-31')).toBeUndefined();
    expect(labelOn('2025-05-15')).toBe('Quarter 1 2025/26');
    expect(labelOn('2025-07-03')).toBe('Quarter 1 2025/26');
    expect(labelOn('2025-07-10')).toBe('Quarter 1 2025/26');
    expect(labelOn('2025-07-11')).toBe('Quarter 2 2025/26');
    expect(labelOn('2026-06-01')).toBe('Quarter 4 2025/26');
    expect(lastDuePeriod(periods, '2025-07-10')).toBeUndefined();
    expect(lastDuePeriod(periods, '2025-07-11')?.label).toBe('Quarter 1 2025/26');
  });

  it('makes periods that end on the dates chosen, each from the day after the one before', () => {
    expect(customPeriods(['2026-06-12', '2026-09-18', '2027-01-15'], '2026-04-01', 7)).toEqual([
      { label: 'Period to 12 June 2026', start: '2026-04-01', end: '2026-06-12', due: '2026-06-19' },
      { label: 'Period to 18 September 2026', start: '2026-06-13', end: '2026-09-18', due: '2026-09-25' },
      { label: 'Period to 15 January 2027', start: '2026-09-19', end: '2027-01-15', due: '2027-01-22' },
    ]);
    expect(customPeriods(['2026-06-12'], '2026-07-01', 0)[0]).toMatchObject({ start: '2026-06-01', end: '2026-06-12' });
  });
});
