import { describe, expect, it } from 'vitest';
import { reminderKind, reportingWindowStart } from './reminder-kinds.ts';
import { leadReminderMessage, ownerDigestMessage } from './reminder-messages.ts';

describe('which reminder is due', () => {
  it('reminds N days before, on the day and when overdue, and stops chasing a month after', () => {
    expect(reminderKind('2025-07-04', '2025-07-10', 5)).toBeNull();
    expect(reminderKind('2025-07-05', '2025-07-10', 5)).toBe('before');
    expect(reminderKind('2025-07-09', '2025-07-10', 5)).toBe('before');
    expect(reminderKind('2025-07-10', '2025-07-10', 5)).toBe('due');
    expect(reminderKind('2025-07-11', '2025-07-10', 5)).toBe('overdue');
    expect(reminderKind('2025-08-07', '2025-07-10', 5)).toBe('overdue');
    expect(reminderKind('2025-08-08', '2025-07-10', 5)).toBeNull();
    expect(reminderKind('2025-07-09', '2025-07-10', 0)).toBeNull();
  });

  it('counts an update for a period from the day after the previous period was due', () => {
    expect(reportingWindowStart('2025-07-01', '2025-07-10')).toBe('2025-07-11');
    expect(reportingWindowStart('2025-04-01', null)).toBe('2025-04-01');
  });
});

describe('reminder messages', () => {
  it('names the date and the action in the subject and links to the update form', () => {
    const message = leadReminderMessage({ kind: 'before', due: '2025-07-10', planTitle: 'Improvement Plan', periodLabel: 'Quarter 1 2025/26', itemLabel: '1.1 Engage consultants', leadName: 'Paul Smith', link: 'https://waymark.example/plans/p/items/i/update' });
    expect(message.subject).toBe('Update due 10 July 2025: 1.1 Engage consultants');
    expect(message.text).toContain('Dear Paul Smith,');
    expect(message.text).toContain('is due on 10 July 2025');
    expect(message.text).toContain('https://waymark.example/plans/p/items/i/update');
    expect(leadReminderMessage({ kind: 'overdue', due: '2025-07-10', planTitle: 'P', periodLabel: 'Q1', itemLabel: '1.1 X', leadName: 'A', link: 'l' }).subject).toBe('Update overdue (due 10 July 2025): 1.1 X');
  });

  it('lists every missing update in the owner’s digest', () => {
    const digest = ownerDigestMessage({ ownerName: 'Olive Owner', planTitle: 'Improvement Plan', periodLabel: 'Q1', due: '2025-07-10', planLink: 'l', missing: [{ itemLabel: '1.1 A', leads: 'Paul Smith', link: 'l1' }, { itemLabel: '1.2 B', leads: 'Jo Bloggs, Paul Smith', link: 'l2' }] });
    expect(digest.subject).toBe('Missing updates (due 10 July 2025): 2 actions in Improvement Plan');
    expect(digest.text).toContain('- 1.2 B (lead: Jo Bloggs, Paul Smith)');
  });
});
