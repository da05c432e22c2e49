import { z } from 'zod';
import { issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';
import type { Visibility } from './publishing-fields.ts';

export interface PublishingForm {
  published: boolean;
  daysBeforeMeeting: number;
  visibility: Record<string, Visibility>;
  licence: { name: string; url: string } | null;
}

export type PublishingFormValues = {
  published: string;
  daysBeforeMeeting: string;
  licenceName: string;
  licenceUrl: string;
  visibility: Record<string, string>;
};

/** The form field that holds a field's visibility: custom keys may hold any character, so fields go by position. */
export const visibilityInputName = (index: number) => `visibility-${index}`;

export function publishingFormValues(body: Record<string, unknown>, fieldKeys: readonly string[]): PublishingFormValues {
  return {
    published: textField(body, 'published'),
    daysBeforeMeeting: textField(body, 'daysBeforeMeeting').trim(),
    licenceName: textField(body, 'licenceName').trim(),
    licenceUrl: textField(body, 'licenceUrl').trim(),
    visibility: Object.fromEntries(fieldKeys.map((key, index) => [key, textField(body, visibilityInputName(index))])),
  };
}

export const licenceSchema = z
  .object({
    licenceName: z.string().max(200, 'Licence name must be 200 characters or fewer'),
    licenceUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter the licence’s web address, starting https://' })]),
  })
  .superRefine((value, ctx) => {
    if (value.licenceName && !value.licenceUrl) ctx.addIssue({ code: 'custom', path: ['licenceUrl'], message: 'Enter the licence’s web address, starting https://' });
    if (value.licenceUrl && !value.licenceName) ctx.addIssue({ code: 'custom', path: ['licenceName'], message: 'Enter the licence’s name' });
  });

const schema = z.object({
  published: z.enum(['yes', 'no'], { error: 'Select whether the plan is published' }),
  daysBeforeMeeting: z
    .string()
    .regex(/^\d{1,2}$/, 'Enter the number of days before a meeting as a whole number from 0 to 90')
    .transform(Number)
    .pipe(z.number().max(90, 'Enter the number of days before a meeting as a whole number from 0 to 90')),
  visibility: z.record(z.string(), z.enum(['public', 'members', 'internal'], { error: 'Select who can see this field' })),
});

export function parsePublishingForm(values: PublishingFormValues): { ok: true; form: PublishingForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(values);
  const licence = licenceSchema.safeParse(values);
  if (!parsed.success || !licence.success) {
    const keys = Object.keys(values.visibility);
    const issues = [...(parsed.success ? [] : issuesOf(parsed.error)), ...(licence.success ? [] : issuesOf(licence.error))].map((issue) =>
      issue.path.startsWith('visibility.') ? { ...issue, path: visibilityInputName(keys.indexOf(issue.path.slice('visibility.'.length))) } : issue,
    );
    return { ok: false, issues };
  }
  return {
    ok: true,
    form: {
      published: parsed.data.published === 'yes',
      daysBeforeMeeting: parsed.data.daysBeforeMeeting,
      visibility: parsed.data.visibility,
      licence: licence.data.licenceName ? { name: licence.data.licenceName, url: licence.data.licenceUrl } : null,
    },
  };
}
