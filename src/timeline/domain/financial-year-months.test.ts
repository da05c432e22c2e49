import { describe, expect, it } from 'vitest';
import { financialYearLabel, financialYearMonths } from './financial-year-months.ts';

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
