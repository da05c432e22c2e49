import { z } from 'zod';
import { textField, type FieldIssue } from '../../web/form-errors.ts';
import { issuesOf } from '../../web/form-errors.ts';
import { formatReportDate } from '../writers/report-dates.ts';

/** How an issued pack is named in lists and in the next report ("Cabinet, 21 October 2025"), and a note. */
export const packLabelSchema = z.object({
  title: z.string().trim().min(1, 'Enter a name for the pack, for example Cabinet, 21 October 2025').max(200, 'The name must be 200 characters or fewer'),
  note: z.string().trim().max(2000, 'The note must be 2,000 characters or fewer').transform((note) => (note === '' ? null : note)),
});
export type PackLabel = z.infer<typeof packLabelSchema>;

export const packLabelValues = (body: Record<string, unknown>) => ({ title: textField(body, 'packTitle'), note: textField(body, 'packNote') });

export function parsePackLabel(values: { title: string; note: string }): { ok: true; label: PackLabel } | { ok: false; issues: FieldIssue[] } {
  const parsed = packLabelSchema.safeParse(values);
  if (parsed.success) return { ok: true, label: parsed.data };
  return { ok: false, issues: issuesOf(parsed.error).map((issue) => ({ ...issue, path: issue.path === 'title' ? 'packTitle' : 'packNote' })) };
}

export const suggestedPackTitle = (audience: string, asAt: string) => `${audience}, as at ${formatReportDate(asAt)}`;
