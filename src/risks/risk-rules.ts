import { addMonths, format, parseISO } from 'date-fns';
import type { Actor } from '../auth/actor.ts';
import { canEditPlan } from '../auth/permissions.ts';
import type { Plan, RiskRow } from '../db/schema.ts';
import type { ReviewFrequency } from './domain/risk-schema.ts';
import { riskBand, riskScore, type RiskRating, type RiskScale } from './domain/risk-scale.ts';

const MONTHS: Record<ReviewFrequency, number> = { monthly: 1, quarterly: 3, six_monthly: 6, annually: 12 };
export const FREQUENCY_LABELS: Record<ReviewFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  six_monthly: 'Every six months',
  annually: 'Annually',
};

/** The date a risk is next due for review: one cycle after `fromIso`. */
export const nextReviewDate = (fromIso: string, frequency: ReviewFrequency) => format(addMonths(parseISO(fromIso), MONTHS[frequency]), 'yyyy-MM-dd');

/** Plan editors manage the register; a risk's owner may also review it. */
export const canReviewRisk = (actor: Actor, plan: Plan, risk: Pick<RiskRow, 'owner_person_id'>) =>
  canEditPlan(actor, plan) || (risk.owner_person_id !== null && actor.personIds.includes(risk.owner_person_id));

export interface RatingSummary {
  likelihood: number;
  impact: number;
  score: number;
  band: string;
  rag: 'green' | 'amber' | 'red';
  /** "4 × 5 = 20, High" */
  text: string;
}

export function ratingSummary(rating: RiskRating | null, scale: RiskScale): RatingSummary | null {
  if (!rating) return null;
  const score = riskScore(rating);
  const band = riskBand(score, scale);
  return { ...rating, score, band: band.label, rag: band.rag, text: `${rating.likelihood} × ${rating.impact} = ${score}, ${band.label}` };
}

/** The three ratings stored on a risk row. */
export function ratingsOf(risk: RiskRow) {
  return {
    inherent: { likelihood: risk.inherent_likelihood, impact: risk.inherent_impact },
    residual: { likelihood: risk.residual_likelihood, impact: risk.residual_impact },
    target: risk.target_likelihood !== null && risk.target_impact !== null ? { likelihood: risk.target_likelihood, impact: risk.target_impact } : null,
  };
}

export const ratingColumns = (ratings: { inherent: RiskRating; residual: RiskRating; target: RiskRating | null }) => ({
  inherent_likelihood: ratings.inherent.likelihood,
  inherent_impact: ratings.inherent.impact,
  residual_likelihood: ratings.residual.likelihood,
  residual_impact: ratings.residual.impact,
  target_likelihood: ratings.target?.likelihood ?? null,
  target_impact: ratings.target?.impact ?? null,
});
