import { z } from 'zod';
import { issuesOf, textField, type FieldIssue } from '../web/form-errors.ts';

const optional = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).transform((v) => (v === '' ? null : v));

export const personFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(200, 'Name must be 200 characters or fewer'),
  roleTitle: optional('Role or job title', 200),
  initials: optional('Initials', 10),
  kind: z.enum(['officer', 'member', 'body'], { error: 'Select whether this is an officer, a member or a body' }),
  email: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('Enter an email address in the correct format, like name@example.gov.uk').nullable()),
  userId: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid('Select a user from the list').nullable()),
});
export type PersonForm = z.infer<typeof personFormSchema>;

export const PERSON_KINDS = [
  { value: 'officer', text: 'Officer', hint: 'A member of staff, for example Director of Corporate Resources.' },
  { value: 'member', text: 'Member', hint: 'An elected councillor, for example a portfolio holder.' },
  { value: 'body', text: 'Body', hint: 'A team, board or committee, for example Standards Committee.' },
];

export type PersonFormValues = Record<'name' | 'roleTitle' | 'initials' | 'kind' | 'email' | 'userId', string>;

export const personFormValues = (body: Record<string, unknown>): PersonFormValues => ({
  name: textField(body, 'name'),
  roleTitle: textField(body, 'roleTitle'),
  initials: textField(body, 'initials'),
  kind: textField(body, 'kind'),
  email: textField(body, 'email'),
  userId: textField(body, 'userId'),
});

export function parsePersonForm(values: PersonFormValues): { ok: true; form: PersonForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = personFormSchema.safeParse(values);
  return parsed.success ? { ok: true, form: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
