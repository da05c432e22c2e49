import { z } from 'zod';
import { DEFAULT_RISK_SCALE, riskScore, type RiskScale } from './risk-scale.ts';

export const REVIEW_FREQUENCIES = ['monthly', 'quarterly', 'six_monthly', 'annually'] as const;
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];

const level = (name: string, max: number) => {
  const message = `${name} must be between 1 and ${max}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message);
};

// Scores can be compared, with every other error shown at once, as long as these two parsed.
const RATED = new Set(['inherent', 'residual']);

const text = (message: string) => z.string({ error: message }).trim().min(1, message).max(2000);

/** "one\ntwo" or ["one", "two"] → ["one", "two"]; blank lines dropped. */
const lines = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((value) => (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()))
  .transform((value) => value.filter((line) => line !== ''));

/**
 * A risk as entered: what could happen (cause → effect), its owner, likelihood × impact before controls
 * (inherent), now (residual) and aimed for (target), the controls, and how often it is reviewed. Ratings are
 * checked against the organisation's scale: "Likelihood must be between 1 and 5".
 */
export function riskInputSchema(scale: RiskScale = DEFAULT_RISK_SCALE) {
  const rating = z.object({
    likelihood: level('Likelihood', scale.likelihood.length),
    impact: level('Impact', scale.impact.length),
  });
  return z
    .object({
      ref: z.string().trim().max(30).nullish().transform((value) => value || null),
      title: text('Enter a short description of the risk'),
      cause: text('Enter the cause of the risk'),
      effect: text('Enter the effect if the risk happens'),
      owner: text('Enter who owns the risk'),
      inherent: rating,
      residual: rating,
      target: rating.nullish().transform((value) => value ?? null),
      controls: lines,
      reviewFrequency: z.enum(REVIEW_FREQUENCIES, { error: 'Choose how often the risk is reviewed' }),
      linkedItemIds: z.array(z.string()).default([]),
    })
    .superRefine((risk, ctx) => {
      const [inherent, residual] = [riskScore(risk.inherent), riskScore(risk.residual)];
      if (residual > inherent) {
        const message =
          `The residual score (${residual}) cannot be higher than the inherent score (${inherent}): ` +
          'controls do not make a risk worse';
        ctx.addIssue({ code: 'custom', path: ['residual', 'likelihood'], message, input: risk });
      }
    }, { when: (payload) => !payload.issues.some((issue) => RATED.has(String(issue.path?.[0]))) });
}

export type RiskInput = z.input<ReturnType<typeof riskInputSchema>>;
export type ValidRisk = z.output<ReturnType<typeof riskInputSchema>>;
