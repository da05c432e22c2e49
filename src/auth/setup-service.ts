import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { insertOrganisation, slugExists } from '../organisations/organisation-repository.ts';
import { slugify } from '../organisations/slug.ts';
import { countUsers, insertUser } from '../users/user-repository.ts';
import { insertPerson } from '../people/person-repository.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from './passwords.ts';
import { newToken, sameToken } from './session-token.ts';
import { linkExpired } from '../errors.ts';

export const setupFormSchema = z
  .object({
    organisationName: z.string().trim().min(1, 'Enter the name of your organisation').max(200, 'Organisation name must be 200 characters or fewer'),
    name: z.string().trim().min(1, 'Enter your full name').max(200, 'Full name must be 200 characters or fewer'),
    email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or fewer').pipe(z.email('Enter an email address in the correct format, like name@example.gov.uk')),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200, 'Password must be 200 characters or fewer'),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, { path: ['confirmPassword'], message: 'Passwords do not match' });
export type SetupForm = z.infer<typeof setupFormSchema>;

export interface SetupService {
  /** The one-time token for the first administrator, while no user exists; null afterwards. */
  currentToken(): Promise<string | null>;
  isValidToken(token: string | undefined): Promise<boolean>;
  createFirstAdministrator(token: string | undefined, form: SetupForm): Promise<{ id: string; organisation_id: string }>;
}

/** First run: a one-time link (printed at start) lets whoever installed Waymark create the organisation and its first administrator. */
export function createSetupService(db: Db): SetupService {
  let token: string | null = null;
  const currentToken = async () => {
    if ((await countUsers(db)) > 0) return null;
    token ??= newToken();
    return token;
  };
  const isValidToken = async (sent: string | undefined) => {
    const expected = await currentToken();
    return Boolean(expected && sent && sameToken(sent, expected));
  };
  return {
    currentToken,
    isValidToken,
    async createFirstAdministrator(sent, form) {
      if (!(await isValidToken(sent))) throw linkExpired('set-up');
      const passwordHash = await hashPassword(form.password);
      const user = await db.transaction().execute(async (trx) => {
        let slug = slugify(form.organisationName, 'organisation');
        if (await slugExists(trx, slug)) slug = `${slug}-${Date.now().toString(36)}`;
        const organisation = await insertOrganisation(trx, { slug, name: form.organisationName });
        const admin = await insertUser(trx, {
          organisationId: organisation.id,
          email: form.email,
          name: form.name,
          passwordHash,
          roles: ['admin', 'plan_owner', 'reviewer'],
        });
        const person = await insertPerson(trx, organisation.id, { name: form.name, kind: 'officer', email: form.email, userId: admin.id });
        const actor = { organisationId: organisation.id, userId: admin.id, name: admin.name };
        await recordAudit(trx, actor, { entityType: 'organisation', entityId: organisation.id, action: 'create', after: organisation });
        await recordAudit(trx, actor, { entityType: 'user', entityId: admin.id, action: 'create', after: { email: admin.email, roles: ['admin', 'plan_owner', 'reviewer'] } });
        await recordAudit(trx, actor, { entityType: 'person', entityId: person.id, action: 'create', after: person });
        return admin;
      });
      token = null;
      return user;
    },
  };
}
