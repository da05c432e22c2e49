import { z } from 'zod';
import { issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const blankToNull = (v: string) => (v === '' ? null : v);

export const updateFormSchema = z.object({
  status: z.string().trim().min(1, 'Select a status').max(100, 'Status must be 100 characters or fewer'),
  ragProposed: z
    .string()
    .transform(blankToNull)
    .pipe(z.enum(['red', 'amber', 'green', 'blue'], { error: 'Select a RAG rating' }).nullable()),
  direction: z
    .string()
    .transform(blankToNull)
    .pipe(z.enum(['improving', 'same', 'worse'], { error: 'Select a direction of travel' }).nullable()),
  percentComplete: z
    .string()
    .trim()
    .transform(blankToNull)
    .pipe(z.string().regex(/^\d{1,3}$/, '% complete must be a whole number from 0 to 100').nullable())
    .transform((v) => (v === null ? null : Number(v)))
    .pipe(z.number().max(100, '% complete must be a whole number from 0 to 100').nullable()),
  narrative: optionalText('Progress narrative', 10_000),
  correctiveAction: optionalText('Corrective action', 5_000),
  revisedTargetText: optionalText('Revised target date', 200),
  revisionReason: optionalText('Reason for the revised date', 2_000),
  intent: z.enum(['draft', 'submit'], { error: 'Choose to save a draft or submit the update' }),
});

export type UpdateForm = z.infer<typeof updateFormSchema>;
export type UpdateFormValues = Record<'status' | 'ragProposed' | 'direction' | 'percentComplete' | 'narrative' | 'correctiveAction' | 'revisedTargetText' | 'revisionReason' | 'intent', string>;

export function updateFormValues(body: Record<string, unknown>): UpdateFormValues {
  const t = (key: string) => textField(body, key);
  return {
    status: t('status'),
    ragProposed: t('ragProposed'),
    direction: t('direction'),
    percentComplete: t('percentComplete'),
    narrative: t('narrative'),
    correctiveAction: t('correctiveAction'),
    revisedTargetText: t('revisedTargetText'),
    revisionReason: t('revisionReason'),
    intent: t('intent') || 'draft',
  };
}

export function parseUpdateForm(values: UpdateFormValues): { ok: true; form: UpdateForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = updateFormSchema.safeParse(values);
  return parsed.success ? { ok: true, form: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

export const reviewFormSchema = z
  .object({
    decision: z.enum(['approve', 'return'], { error: 'Choose to approve the update or return it to the lead' }),
    ragConfirmed: z.string().transform(blankToNull).pipe(z.enum(['red', 'amber', 'green', 'blue'], { error: 'Select the RAG rating you confirm' }).nullable()),
    comment: optionalText('Comment', 5_000),
  })
  .superRefine((form, ctx) => {
    if (form.decision === 'return' && !form.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you are returning the update, so the lead knows what to change' });
    if (form.decision === 'approve' && !form.ragConfirmed) ctx.addIssue({ code: 'custom', path: ['ragConfirmed'], message: 'Select the RAG rating you confirm' });
  });
export type ReviewForm = z.infer<typeof reviewFormSchema>;
