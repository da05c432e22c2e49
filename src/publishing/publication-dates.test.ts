import { describe, expect, it } from 'vitest';
import { papersDateOf, papersDates, publicationDay, publicationMoment, publishedPeriodIds, ukDate, ukMidnight } from './publication-dates.ts';

const papers = papersDates(
  [
    { id: 'q1', label: 'Q1', meetings: [{ name: 'Scrutiny', date: '2026-07-20' }, { name: 'Cabinet', date: '2026-07-10' }] },
    { id: 'q2', label: 'Q2', meetings: [] },
  ],
  5,
);

describe('when approved updates are published', () => {
  it('takes the first meeting a period feeds, less the days before (calendar days)', () => {
    expect(papersDateOf([{ name: 'Scrutiny', date: '2026-07-20' }, { name: 'Cabinet', date: '2026-07-10' }], 5)).toBe('2026-07-05');
    expect(papersDateOf([{ name: 'Board', date: '2026-03-03' }], 7)).toBe('2026-02-24');
    expect(papersDateOf([], 5)).toBeNull();
    expect(papersDateOf([{ name: 'Odd', date: 'next week' }], 5)).toBeNull();
    expect(publishedPeriodIds(papers, '2026-07-04')).toEqual([]);
    expect(publishedPeriodIds(papers, '2026-07-05')).toEqual(['q1']);
  });

  it('publishes on the papers day at UK midnight, or on approval when that comes later, and never before', () => {
    const approved = { period_id: 'q1', reviewed_at: '2026-06-30T09:00:00Z' };
    expect(publicationMoment(approved, papers, null, new Date('2026-07-04T22:59:00Z'))).toBeNull();
    expect(publicationMoment(approved, papers, null, new Date('2026-07-04T23:00:00Z'))?.toISOString()).toBe('2026-07-04T23:00:00.000Z');
    const late = { period_id: 'q1', reviewed_at: '2026-07-08T10:00:00Z' };
    expect(publicationDay(late, papers, null, new Date('2026-07-09T00:00:00Z'))).toBe('2026-07-08');
    expect(publicationMoment({ period_id: 'q2', reviewed_at: '2026-07-08T10:00:00Z' }, papers, null, new Date('2027-01-01T00:00:00Z'))).toBeNull();
    expect(publicationMoment({ period_id: 'q1', reviewed_at: null }, papers, null, new Date('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('publishes with “publish now” whatever was approved before it, and nothing approved after', () => {
    const now = new Date('2026-07-01T12:00:00Z');
    expect(publicationDay({ period_id: 'q2', reviewed_at: '2026-06-01T10:00:00Z' }, papers, '2026-06-15T10:00:00Z', now)).toBe('2026-06-15');
    expect(publicationDay({ period_id: null, reviewed_at: '2026-06-20T10:00:00Z' }, papers, '2026-06-15T10:00:00Z', now)).toBeNull();
    expect(publicationDay({ period_id: 'q1', reviewed_at: '2026-06-01T10:00:00Z' }, papers, '2026-06-15T10:00:00Z', new Date('2026-07-06T12:00:00Z'))).toBe('2026-06-15');
  });

  it('counts days in the UK, in winter and in summer', () => {
    expect(ukMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(ukMidnight('2026-07-15').toISOString()).toBe('2026-07-14T23:00:00.000Z');
    expect(ukDate(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15');
    expect(ukDate(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-14');
  });
});
