import { describe, expect, it } from 'vitest';
import { reportFileName } from './file-name.ts';

describe('reportFileName', () => {
  it('slugifies the plan and audience and keeps the ISO date', () => {
    expect(reportFileName('Corporate Improvement Plan 2025–27', 'Cabinet', '2025-09-30', 'docx'))
      .toBe('corporate-improvement-plan-2025-27-cabinet-2025-09-30.docx');
  });

  it('drops apostrophes and accents, spells out ampersands and accepts a dotted extension', () => {
    expect(reportFileName('Council’s Plan: Équipe & Partners', 'Audit/Governance Committee', '2026-01-31', '.PDF'))
      .toBe('councils-plan-equipe-and-partners-audit-governance-committee-2026-01-31.pdf');
  });

  it('falls back to words when a title has no letters or digits, and caps long titles', () => {
    expect(reportFileName('!!!', '—', '2025-06-30', 'csv')).toBe('plan-report-2025-06-30.csv');
    const long = reportFileName('a very long plan title '.repeat(10), 'Scrutiny', '2025-06-30', 'xlsx');
    expect(long.length).toBeLessThan(120);
    expect(long).toMatch(/^[a-z0-9-]+\.xlsx$/);
  });

  it('refuses an as-at date that is not yyyy-mm-dd', () => {
    expect(() => reportFileName('Plan', 'Cabinet', '30/09/2025', 'pdf')).toThrow(/yyyy-mm-dd/);
  });
});
