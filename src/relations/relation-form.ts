import { z } from 'zod';
import { issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';
import type { RelationType } from './domain/relation.ts';
import type { RelationProblem } from './domain/validate-relation.ts';

export interface RelationFormValues {
  type: string;
  toItemId: string;
  lagDays: string;
}

export interface RelationForm {
  type: RelationType;
  toItemId: string;
  lagDays: number;
}

export const RELATION_TYPE_CHOICES: { value: RelationType; text: string; hint: string }[] = [
  { value: 'depends_on', text: 'Depends on', hint: 'This item cannot start until the other one finishes, plus any lag' },
  { value: 'follows_on_from', text: 'Follows on from', hint: 'This item starts straight after the other one finishes' },
  { value: 'links_to', text: 'Links to', hint: 'The items are connected, with no effect on dates' },
  { value: 'duplicates', text: 'Duplicates', hint: 'The items describe the same work' },
];

const LAG_MESSAGE = 'Lag must be a number of days, for example 0, 10 or -5';

const relationFormSchema = z.object({
  type: z.enum(['depends_on', 'follows_on_from', 'links_to', 'duplicates'], { error: 'Select how the items are related' }),
  toItemId: z.uuid({ error: 'Select the related item' }),
  lagDays: z
    .string()
    .trim()
    .transform((value) => value.replace('−', '-'))
    .pipe(z.string().regex(/^(-?\d{1,6}(\.\d+)?)?$/, LAG_MESSAGE))
    .transform((value) => (value === '' ? 0 : Number(value))),
});

export function relationFormValues(body: Record<string, unknown>): RelationFormValues {
  return { type: textField(body, 'type'), toItemId: textField(body, 'toItemId'), lagDays: textField(body, 'lagDays') };
}

export function parseRelationForm(values: RelationFormValues): { ok: true; form: RelationForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = relationFormSchema.safeParse(values);
  return parsed.success ? { ok: true, form: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** The form field a refusal belongs beside. */
export const fieldOfProblem = (problem: RelationProblem): keyof RelationFormValues =>
  problem.field === 'lagDays' ? 'lagDays' : 'toItemId';
