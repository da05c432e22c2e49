import { describe, expect, it } from 'vitest';
import { roleOfHeader } from './column-roles.ts';
import { isHeaderRow } from './header-detection.ts';
import { calendarMonths, monthsOfRun } from './month-columns.ts';

describe('roleOfHeader', () => {
  it.each([
    ['Ref.', 'ref'],
    ['#', 'ref'],
    ['Theme', 'section'],
    ['Area for Improvement', 'outcome'],
    ['Measures of Success', 'measure'],
    ['Actions to support', 'action'],
    ['Proposals', 'action'],
    ['Milestones', 'milestone'],
    ['Lead Officer(s)', 'lead'],
    ['Who', 'lead'],
    ['Action owner', 'lead'],
    ['Lead Member', 'leadMember'],
    ['Portfolio Holder', 'leadMember'],
    ['When', 'target'],
    ['Completed', 'target'],
    ['Timescales', 'target'],
    ['Start date', 'start'],
    ['Priority', 'priority'],
    ['RAG status', 'status'],
    ['Direction of travel', 'direction'],
    ['11th December 2014 update', 'progress'],
    ['Progress up to 30 September 2013', 'progress'],
    ['Link to Council Priority', 'field'],
    ['Corrective Action', 'field'],
    ['In service plan?', 'field'],
    ['Resources', 'field'],
    ['REPORT TO', null],
  ])('%s → %s', (label, role) => {
    expect(roleOfHeader(label)).toBe(role);
  });
});

describe('isHeaderRow', () => {
  it('knows header rows, month rows and header stubs from plan rows', () => {
    expect(isHeaderRow(['', 'Outcome', 'Priority', '', 'Actions to support', 'Completed', 'Owner', '11th December 2014 update'])).toBe(true);
    expect(isHeaderRow(['', '', '', 'July', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June'])).toBe(true);
    expect(isHeaderRow(['#', '', ''])).toBe(true);
    expect(isHeaderRow(['No.', 'Expected Outcome', 'Delivery of affordable housing target [240 units]'])).toBe(false);
    expect(isHeaderRow(['13.4', 'Risk Management', 'Risks successfully managed'])).toBe(false);
    expect(isHeaderRow(['I', 'Revised Disability Scheme adopted', 'P&P', 'Jan 2010', '~'])).toBe(false);
    expect(isHeaderRow(['REPORT TO', 'DATE OF MEETING'])).toBe(false);
  });
});

describe('month columns', () => {
  it('counts on from the first month a header names, in the plan year', () => {
    const months = monthsOfRun(['July', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June']);
    expect(calendarMonths(months, { startYear: 2007, fyStartMonth: 4 })).toEqual([
      '2007-07', '2007-08', '2007-09', '2007-10', '2007-11', '2007-12', '2008-01', '2008-02', '2008-03', '2008-04', '2008-05', '2008-06',
    ]);
    expect(calendarMonths(monthsOfRun(['Jan', 'Feb']), { startYear: 2024, fyStartMonth: 4 })).toEqual(['2025-01', '2025-02']);
    expect(calendarMonths([7], { startYear: null, fyStartMonth: 4 })).toEqual([null]);
  });

  it('reads month initials, even with a stray letter after the first ones', () => {
    expect(monthsOfRun('J A S O N D J F M A M J'.split(' '))).toEqual([7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
    expect(monthsOfRun('J A S O C N D J F M A M'.split(' '))[0]).toBe(7);
    expect(monthsOfRun('A M J J A S O N D J F M'.split(' '))[0]).toBe(4);
  });
});
