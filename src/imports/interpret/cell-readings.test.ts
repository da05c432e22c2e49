import { describe, expect, it } from 'vitest';
import { splitLeads } from './leads.ts';
import { revisedDate, statusOf } from './progress-status.ts';
import { relationsIn } from './relations.ts';

describe('splitLeads', () => {
  it('splits on slashes and between initials, not inside job titles', () => {
    expect(splitLeads('Leader/ Chief Executive')).toEqual(['Leader', 'Chief Executive']);
    expect(splitLeads('P&P Manager/')).toEqual(['P&P Manager']);
    expect(splitLeads('CF HP')).toEqual(['CF', 'HP']);
    expect(splitLeads('HB\nHB HB HB')).toEqual(['HB']);
    expect(splitLeads('KD/JPt')).toEqual(['KD', 'JPt']);
    expect(splitLeads('Head of Communications, Engagement and Cultural Services')).toEqual([
      'Head of Communications, Engagement and Cultural Services',
    ]);
    expect(splitLeads('HR Manager Planning Corporate Manager')).toEqual(['HR Manager Planning Corporate Manager']);
    expect(splitLeads('')).toEqual([]);
  });
});

describe('statusOf and revisedDate', () => {
  it('reads the status a progress text opens with', () => {
    expect(statusOf('Achieved. Awayday session held')).toBe('Achieved');
    expect(statusOf('Achieved and more planned. The members…')).toBe('Achieved and more planned');
    expect(statusOf('On Target. Work in progress')).toBe('On target');
    expect(statusOf('Not started. Work on this will commence')).toBe('Not started');
    expect(statusOf('Completed May 07')).toBe('Completed');
    expect(statusOf('AMBER - slipping')).toBe('Amber');
    expect(statusOf('Facilitator identified.')).toBeNull();
  });

  it('reads a revised completion date, the original kept', () => {
    expect(revisedDate('Achieved. Brief done.\nRevised completion date from September 2013 to November 2013. An externally…')).toEqual({
      from: 'September 2013',
      to: 'November 2013',
    });
    expect(revisedDate('Revised Completion Date from Autumn 2013 to December 2013. Executive on 23 July')).toEqual({
      from: 'Autumn 2013',
      to: 'December 2013',
    });
    expect(revisedDate('On target.')).toBeNull();
  });
});

describe('relationsIn', () => {
  it('reads links, follow-ons, references and dependencies to other actions', () => {
    expect(relationsIn('Review the approach. (Links to action 27)', '16')).toEqual([{ type: 'links_to', toRef: '27' }]);
    expect(relationsIn('Test allocations (Follows on from action 16)', '17')).toEqual([{ type: 'follows_on_from', toRef: '16' }]);
    expect(relationsIn('(Links to Action 14)\nOn target. Please refer to action 14.', '23')).toEqual([{ type: 'links_to', toRef: '14' }]);
    expect(relationsIn('The outcomes feed into actions 4, 6 and 8.', '5')).toEqual([
      { type: 'feeds_into', toRef: '4' },
      { type: 'feeds_into', toRef: '6' },
      { type: 'feeds_into', toRef: '8' },
    ]);
    expect(relationsIn('Depends on action 3.2', null)).toEqual([{ type: 'depends_on', toRef: '3.2' }]);
    expect(relationsIn('Fair CPA Rating (see also CP5)', '6.2')).toEqual([{ type: 'links_to', toRef: 'CP5' }]);
    expect(relationsIn('OTHER (see below)', null)).toEqual([]);
  });
});
