import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

export type ReminderKind = 'before' | 'due' | 'overdue';

/** A period whose due date passed more than this many days ago is no longer chased (no surprise e-mails for old periods). */
export const OVERDUE_WINDOW_DAYS = 28;

/**
 * Which reminder a lead gets today for updates due on `due` (all yyyy-mm-dd): `before` from `reminderDays` days
 * ahead, `due` on the day, `overdue` after it (sent once: the reminder log keeps it so), or none.
 */
export function reminderKind(today: string, due: string, reminderDays: number): ReminderKind | null {
  const daysLeft = differenceInCalendarDays(parseISO(due), parseISO(today));
  if (daysLeft < 0) return -daysLeft <= OVERDUE_WINDOW_DAYS ? 'overdue' : null;
  if (daysLeft === 0) return 'due';
  return reminderDays > 0 && daysLeft <= reminderDays ? 'before' : null;
}

/**
 * The first day an update counts for a period: the day after the previous period's due date (an update written
 * just before that date answers the previous period), or the period's own start when it is the first.
 */
export function reportingWindowStart(periodStart: string, previousDue: string | null): string {
  return previousDue ? format(addDays(parseISO(previousDue), 1), 'yyyy-MM-dd') : periodStart;
}

/** "10 July 2025" */
export const longDate = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');
