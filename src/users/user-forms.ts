import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../auth/passwords.ts';

const role = z.enum(['admin', 'plan_owner', 'editor', 'lead', 'reviewer', 'member', 'viewer']);

export const inviteFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person’s full name').max(200, 'Full name must be 200 characters or fewer'),
  email: z
    .string()
    .trim()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.gov.uk')),
  roles: z.array(role, { error: 'Select a role from the list' }).min(1, 'Select at least one role'),
});
export type InviteForm = z.infer<typeof inviteFormSchema>;

export const rolesFormSchema = z.object({
  roles: z.array(role, { error: 'Select a role from the list' }),
});

export const acceptFormSchema = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(200, 'Password must be 200 characters or fewer'),
    confirmPassword: z.string(),
  })
  .refine((f) => f.password === f.confirmPassword, { path: ['confirmPassword'], message: 'Passwords do not match' });
