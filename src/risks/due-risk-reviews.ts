import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { Db } from '../db/connection.ts';
import { listRisksDueForReview } from './risk-repository.ts';

export interface DueRiskReview {
  organisationId: string;
  riskId: string;
  planId: string;
  planTitle: string;
  ref: string | null;
  title: string;
  ownerPersonId: string | null;
  ownerName: string;
  /** The owner's email (from people), null when none is known: remind the plan owner instead. */
  ownerEmail: string | null;
  ownerUserId: string | null;
  reviewFrequency: string;
  nextReviewDate: string;
  daysOverdue: number;
  /** Path of the review form, to put in a reminder: `/plans/:planId/risks/:riskId/review`. */
  reviewPath: string;
}

export interface DueRiskReviews {
  /** One organisation's open risks whose next review date is before `today`. */
  (organisationId: string, today: Date | string): Promise<DueRiskReview[]>;
  /** Every organisation's, for a scheduler pass that runs across organisations. */
  (now: Date): Promise<DueRiskReview[]>;
}

/**
 * For the scheduler (no actor: it runs for the system): open risks whose next review date has passed, i.e. is
 * before today, oldest first. Reviewing a risk moves its next review date one cycle on, so it drops out. It only
 * lists them: sending (and logging) the reminders is the scheduler's job.
 */
export function createDueRiskReviews(db: Db): DueRiskReviews {
  return async function dueRiskReviews(first: string | Date, today?: Date | string): Promise<DueRiskReview[]> {
    const [organisationId, when] = typeof first === 'string' ? [first, today ?? new Date()] : [null, first];
    const day = typeof when === 'string' ? when : format(when, 'yyyy-MM-dd');
    const rows = await listRisksDueForReview(db, organisationId, day);
    return rows.map((row) => ({
      ...row,
      daysOverdue: differenceInCalendarDays(parseISO(day), parseISO(row.nextReviewDate)),
      reviewPath: `/plans/${row.planId}/risks/${row.riskId}/review`,
    }));
  };
}
