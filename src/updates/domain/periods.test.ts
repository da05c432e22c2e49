import { describe, expect, it } from 'vitest';
import { generatePeriods } from './periods.ts';

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
});
