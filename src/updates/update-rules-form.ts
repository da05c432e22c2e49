import { z } from 'zod';
import { textareaLines } from '../web/form-errors.ts';
import type { PlanRules } from './domain/plan-rules.ts';

const MAX_STATUSES = 15;

/** One status word per line: trimmed, blank lines dropped. */
const statusLines = (label: string) =>
  z
    .string()
    .max(2000, `${label} must be 2,000 characters or fewer`)
    .transform(textareaLines)
    .pipe(
      z
        .array(z.string().max(60, `Each status must be 60 characters or fewer`))
        .max(MAX_STATUSES, `${label}: enter ${MAX_STATUSES} or fewer`),
    );

/** The plan's update rules as the form posts them (radios and checkboxes arrive as strings or arrays of strings). */
export const updateRulesFormSchema = z
  .object({
    ragMode: z.enum(['schedule', 'manual'], { error: 'Select how the suggested RAG rating is worked out' }),
    amberDays: z.coerce
      .number({ error: 'Days before the target date must be a number' })
      .int('Days before the target date must be a whole number')
      .min(0, 'Days before the target date must be 0 or more')
      .max(365, 'Days before the target date must be 365 or fewer'),
    completeRag: z.enum(['blue', 'green'], { error: 'Select the rating for a complete action' }),
    rollup: z.enum(['worst', 'share'], { error: 'Select how a section’s rating is worked out from its actions' }),
    correctiveActionOn: z.array(z.enum(['red', 'amber'], { error: 'Select red, amber or neither' })),
    usesPercentComplete: z.enum(['yes', 'no'], { error: 'Select whether leads give a percentage complete' }),
    evidenceRequiredForComplete: z.enum(['yes', 'no'], { error: 'Select whether evidence is needed before an action is complete' }),
    openStatuses: statusLines('Statuses for actions still open').pipe(z.array(z.string()).min(1, 'Enter at least one status for actions still open')),
    completeStatuses: statusLines('Statuses that mean complete').pipe(z.array(z.string()).min(1, 'Enter at least one status that means complete')),
  })
  .superRefine((form, context) => {
    const seen = new Set<string>();
    for (const [field, words] of [['openStatuses', form.openStatuses], ['completeStatuses', form.completeStatuses]] as const) {
      for (const word of words) {
        const key = word.toLowerCase();
        if (seen.has(key)) {
          context.addIssue({ code: 'custom', path: [field], message: `“${word}” is entered twice: each status must appear once` });
          return;
        }
        seen.add(key);
      }
    }
  });

export type UpdateRulesForm = z.infer<typeof updateRulesFormSchema>;

/** The form's values (all text) for the plan's current rules. */
export function rulesFormValues(rules: PlanRules): Record<string, string | string[]> {
  return {
    ragMode: rules.ragMode,
    amberDays: String(rules.amberDays),
    completeRag: rules.completeRag,
    rollup: rules.rollup,
    correctiveActionOn: rules.correctiveActionOn.filter((rag) => rag === 'red' || rag === 'amber'),
    usesPercentComplete: rules.usesPercentComplete ? 'yes' : 'no',
    evidenceRequiredForComplete: rules.evidenceRequiredForComplete ? 'yes' : 'no',
    openStatuses: rules.statuses.filter((s) => !s.complete).map((s) => s.label).join('\n'),
    completeStatuses: rules.statuses.filter((s) => s.complete).map((s) => s.label).join('\n'),
  };
}

/** The settings keys the form writes (plans.settings), from a valid form. */
export function rulesFromForm(form: UpdateRulesForm): PlanRules {
  return {
    ragMode: form.ragMode,
    amberDays: form.amberDays,
    completeRag: form.completeRag,
    rollup: form.rollup,
    correctiveActionOn: form.correctiveActionOn,
    usesPercentComplete: form.usesPercentComplete === 'yes',
    evidenceRequiredForComplete: form.evidenceRequiredForComplete === 'yes',
    statuses: [...form.openStatuses.map((label) => ({ label, complete: false })), ...form.completeStatuses.map((label) => ({ label, complete: true }))],
  };
}
