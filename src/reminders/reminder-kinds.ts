import { differenceInCalendarDays, format, parseISO } from 'date-fns';

export { reportingWindowStart } from '../updates/domain/periods.ts';

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

/** "10 July 2025" */
export const longDate = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');
