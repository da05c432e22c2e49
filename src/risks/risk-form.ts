import type { RiskRow } from '../db/schema.ts';
import { asArray, type FieldIssue } from '../web/form-errors.ts';
import type { RiskScale } from './domain/risk-scale.ts';
import { riskInputSchema, type ValidRisk } from './domain/risk-schema.ts';

const RATED = ['inherent', 'residual', 'target'] as const;
const AXES = ['likelihood', 'impact'] as const;
type Rated = (typeof RATED)[number];

/** The risk form as typed (kept on error). Ratings are fields like `residualLikelihood`. */
export interface RiskFormValues {
  ref: string;
  title: string;
  cause: string;
  effect: string;
  owner: string;
  controls: string;
  reviewFrequency: string;
  status: string;
  linkedItemIds: string[];
  ratings: Record<string, string>;
}

export const ratingField = (rated: Rated, axis: 'likelihood' | 'impact') => `${rated}${axis === 'likelihood' ? 'Likelihood' : 'Impact'}`;
const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key]).trim() : '');

export function riskFormValues(body: Record<string, unknown>): RiskFormValues {
  const ratings: Record<string, string> = {};
  for (const rated of RATED) for (const axis of AXES) ratings[ratingField(rated, axis)] = text(body, ratingField(rated, axis));
  return {
    ref: text(body, 'ref'),
    title: text(body, 'title'),
    cause: text(body, 'cause'),
    effect: text(body, 'effect'),
    owner: text(body, 'owner'),
    controls: typeof body.controls === 'string' ? body.controls : '',
    reviewFrequency: text(body, 'reviewFrequency'),
    status: text(body, 'status') || 'open',
    linkedItemIds: asArray(body.linkedItemIds),
    ratings,
  };
}

export function valuesOfRisk(risk: RiskRow, linkedItemIds: string[]): RiskFormValues {
  const ratings: Record<string, string> = {};
  for (const rated of RATED) {
    for (const axis of AXES) {
      const value = risk[`${rated}_${axis}` as const];
      ratings[ratingField(rated, axis)] = value === null ? '' : String(value);
    }
  }
  return {
    ref: risk.ref ?? '',
    title: risk.title,
    cause: risk.cause,
    effect: risk.effect,
    owner: risk.owner_person_id ?? '',
    controls: risk.controls.join('\n'),
    reviewFrequency: risk.review_frequency,
    status: risk.status,
    linkedItemIds,
    ratings,
  };
}

/** Checks the ratings against the plan's scale ("Likelihood must be between 1 and 5"); every problem at once. */
export function parseRiskForm(values: RiskFormValues, scale: RiskScale): { ok: true; risk: ValidRisk } | { ok: false; issues: FieldIssue[] } {
  const rating = (rated: Rated) => ({ likelihood: values.ratings[ratingField(rated, 'likelihood')], impact: values.ratings[ratingField(rated, 'impact')] });
  const noTarget = !values.ratings.targetLikelihood && !values.ratings.targetImpact;
  const input = {
    ref: values.ref || null,
    title: values.title,
    cause: values.cause,
    effect: values.effect,
    owner: values.owner,
    inherent: rating('inherent'),
    residual: rating('residual'),
    target: noTarget ? null : rating('target'),
    controls: values.controls,
    reviewFrequency: values.reviewFrequency,
    linkedItemIds: values.linkedItemIds,
  };
  const result = riskInputSchema(scale).safeParse(input);
  if (result.success) return { ok: true, risk: result.data };
  const issues = result.error.issues.map((issue): FieldIssue => {
    const [first, second] = issue.path.map(String);
    if (first === 'owner') return { path: 'owner', message: 'Choose who owns the risk' };
    const rated = RATED.find((candidate) => candidate === first);
    if (rated && (second === 'likelihood' || second === 'impact')) return { path: ratingField(rated, second), message: issue.message };
    return { path: first ?? 'title', message: issue.message };
  });
  return { ok: false, issues };
}
