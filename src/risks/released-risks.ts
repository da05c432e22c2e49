import type { Db } from '../db/connection.ts';
import type { Plan, RiskRow } from '../db/schema.ts';
import { loadMeasurePeriods } from '../measures/measure-plan-data.ts';
import type { ReleasedYet } from '../publishing/plan-wide-data.ts';
import { ukDate } from '../publishing/publication-dates.ts';
import { findPeriod } from '../measures/plan-periods.ts';
import { listReviewDates, listStatesBeforeReviews } from './risk-repository.ts';

/** What a review changes on a risk: the rest of the register (title, owner) is shown as it is now. */
const REVIEWED = ['inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact', 'target_likelihood', 'target_impact', 'next_review_date', 'status'] as const;

/**
 * The risks as a reader may see them: a review belongs to the reporting period its (UK) day falls in and is released by
 * the same rule as approved updates. A risk with a review not released yet shows its ratings, next review date and
 * status as they were before the earliest such review (taken from that review's audit entry); without that entry
 * the risk is left out rather than shown early.
 */
export async function releasedRisks(db: Db, plan: Plan, risks: readonly RiskRow[], releasedYet: ReleasedYet): Promise<RiskRow[]> {
  const [periods, reviews] = await Promise.all([loadMeasurePeriods(db, plan), listReviewDates(db, plan.organisation_id, risks.map((risk) => risk.id))]);
  const held = new Map<string, { id: string; risk_id: string }>();
  for (const review of reviews) {
    if (held.has(review.risk_id)) continue;
    const at = new Date(review.reviewed_at);
    if (!releasedYet({ periodId: findPeriod(periods, ukDate(at))?.periodId ?? null, at })) held.set(review.risk_id, review);
  }
  const states = await listStatesBeforeReviews(db, plan.organisation_id, [...held.values()]);
  const before = new Map(states.map((state) => [state.reviewId, state.before as Partial<RiskRow> | null]));
  return risks.flatMap((risk) => {
    const review = held.get(risk.id);
    if (!review) return [risk];
    const state = before.get(review.id);
    if (!state || REVIEWED.some((column) => state[column] === undefined)) return [];
    const reviewed = Object.fromEntries(REVIEWED.map((column) => [column, state[column]])) as Pick<RiskRow, (typeof REVIEWED)[number]>;
    return [{ ...risk, ...reviewed }];
  });
}
