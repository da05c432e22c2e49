import type { ReminderKind } from './reminder-kinds.ts';
import { longDate } from './reminder-kinds.ts';

export interface LeadReminder {
  kind: ReminderKind;
  due: string;
  planTitle: string;
  periodLabel: string;
  itemLabel: string;
  leadName: string;
  link: string;
}

export interface MissingUpdate {
  itemLabel: string;
  leads: string;
  link: string;
}

export interface OwnerDigest {
  ownerName: string;
  planTitle: string;
  periodLabel: string;
  due: string;
  missing: MissingUpdate[];
  planLink: string;
}

const subjectOf = (kind: ReminderKind, due: string, label: string) =>
  kind === 'before' ? `Update due ${longDate(due)}: ${label}` : kind === 'due' ? `Update due today, ${longDate(due)}: ${label}` : `Update overdue (due ${longDate(due)}): ${label}`;

const openingOf = (kind: ReminderKind, due: string, periodLabel: string) =>
  kind === 'before'
    ? `Your update for ${periodLabel} is due on ${longDate(due)}.`
    : kind === 'due'
      ? `Your update for ${periodLabel} is due today, ${longDate(due)}.`
      : `Your update for ${periodLabel} was due on ${longDate(due)} and has not been received.`;

/** The plain-text e-mail to a lead about one action. */
export function leadReminderMessage(reminder: LeadReminder): { subject: string; text: string } {
  return {
    subject: subjectOf(reminder.kind, reminder.due, reminder.itemLabel),
    text: [
      `Dear ${reminder.leadName},`,
      '',
      openingOf(reminder.kind, reminder.due, reminder.periodLabel),
      '',
      `Plan: ${reminder.planTitle}`,
      `Action: ${reminder.itemLabel}`,
      '',
      'Post your update here:',
      reminder.link,
      '',
      'You can save a draft and submit it when it is ready. If you have just submitted it, thank you: please ignore this message.',
      '',
      'Waymark',
      '',
    ].join('\n'),
  };
}

/** The plain-text digest to a plan's owner: the actions with no update once the due date has passed. */
export function ownerDigestMessage(digest: OwnerDigest): { subject: string; text: string } {
  const count = digest.missing.length;
  return {
    subject: `Missing updates (due ${longDate(digest.due)}): ${count} action${count === 1 ? '' : 's'} in ${digest.planTitle}`,
    text: [
      `Dear ${digest.ownerName},`,
      '',
      `Updates for ${digest.periodLabel} were due on ${longDate(digest.due)}. ${count === 1 ? 'This action has' : `These ${count} actions have`} no update yet:`,
      '',
      ...digest.missing.flatMap((m) => [`- ${m.itemLabel} (lead: ${m.leads})`, `  ${m.link}`]),
      '',
      `The plan: ${digest.planLink}`,
      '',
      'Each lead has been reminded.',
      '',
      'Waymark',
      '',
    ].join('\n'),
  };
}
