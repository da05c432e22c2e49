import { z } from 'zod';
import { issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';
import { datePartsFrom, parseDateParts, type DateParts } from '../web/date-input.ts';
import type { PlanSource, PlanStatus } from '../db/schema.ts';

export const PLAN_SOURCES: { value: PlanSource; text: string }[] = [
  { value: 'inspection', text: 'Inspection' },
  { value: 'peer_challenge', text: 'Peer challenge' },
  { value: 'audit', text: 'Audit' },
  { value: 'governance_statement', text: 'Annual governance statement' },
  { value: 'self_assessment', text: 'Self-assessment' },
  { value: 'other', text: 'Other' },
];

export const PLAN_STATUSES: { value: PlanStatus; text: string; hint: string }[] = [
  { value: 'draft', text: 'Draft', hint: 'Being written; leads are not asked for updates.' },
  { value: 'live', text: 'Live', hint: 'Being delivered; leads report progress.' },
  { value: 'closed', text: 'Closed', hint: 'Finished; kept for the record.' },
];

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

const planFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Enter a title for the plan').max(200, 'Title must be 200 characters or fewer'),
  source: z.enum(['inspection', 'peer_challenge', 'audit', 'governance_statement', 'self_assessment', 'other'], {
    error: 'Select where the plan comes from',
  }),
  sourceDetail: optionalText('Source details', 500),
  status: z.enum(['draft', 'live', 'closed'], { error: 'Select the status of the plan' }),
  levelLabels: z
    .string()
    .max(500, 'Level labels must be 500 characters or fewer')
    .transform((text) => text.split(/\r?\n|›|>/).map((l) => l.trim()).filter((l) => l !== ''))
    .pipe(z.array(z.string().max(50, 'Each level label must be 50 characters or fewer')).max(6, 'Enter no more than 6 levels')),
});

export type PlanForm = z.infer<typeof planFieldsSchema> & { periodStart: string | null; periodEnd: string | null };

export interface PlanFormValues {
  title: string;
  source: string;
  sourceDetail: string;
  status: string;
  levelLabels: string;
  periodStart: DateParts;
  periodEnd: DateParts;
}

export function planFormValues(body: Record<string, unknown>): PlanFormValues {
  const text = (key: string) => textField(body, key);
  return {
    title: text('title'),
    source: text('source'),
    sourceDetail: text('sourceDetail'),
    status: text('status'),
    levelLabels: text('levelLabels'),
    periodStart: datePartsFrom(body, 'periodStart'),
    periodEnd: datePartsFrom(body, 'periodEnd'),
  };
}

/** Parses the plan form; errors are keyed by field id so the error summary links to the right box. */
export function parsePlanForm(values: PlanFormValues): { ok: true; form: PlanForm } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const parsed = planFieldsSchema.safeParse(values);
  if (!parsed.success) issues.push(...issuesOf(parsed.error));
  const start = parseDateParts(values.periodStart, 'Start of the plan period');
  const end = parseDateParts(values.periodEnd, 'End of the plan period');
  if ('error' in start) issues.push({ path: 'periodStart-day', message: start.error });
  if ('error' in end) issues.push({ path: 'periodEnd-day', message: end.error });
  if ('iso' in start && 'iso' in end && start.iso && end.iso && end.iso < start.iso) {
    issues.push({ path: 'periodEnd-day', message: 'End of the plan period must be after the start' });
  }
  if (!parsed.success || !('iso' in start) || !('iso' in end) || issues.length > 0) return { ok: false, issues };
  return { ok: true, form: { ...parsed.data, periodStart: start.iso, periodEnd: end.iso } };
}
