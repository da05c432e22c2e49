import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/connection.ts';
import type { ItemKind, PersonKind, Role } from '../../src/db/schema.ts';
import { insertOrganisation } from '../../src/organisations/organisation-repository.ts';
import { insertUser } from '../../src/users/user-repository.ts';
import { insertPerson } from '../../src/people/person-repository.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { refKey } from '../../src/items/ref-key.ts';
import type { Actor } from '../../src/auth/actor.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString('hex');

/** Factories build a row with its parents, so a test names only what it cares about. */
export async function createOrganisation(db: Db, values: { name?: string; fyStartMonth?: number; priorities?: string[] } = {}) {
  const name = values.name ?? `Test Council ${unique()}`;
  return insertOrganisation(db, {
    slug: `test-${unique()}`,
    name,
    fyStartMonth: values.fyStartMonth ?? 4,
    corporatePriorities: (values.priorities ?? ['PEOPLE', 'PROSPERITY', 'PLACE']).map((code) => ({ code, label: code })),
  });
}

export async function createUser(db: Db, values: { organisationId?: string; roles?: Role[]; name?: string; email?: string; withPerson?: boolean } = {}) {
  const organisationId = values.organisationId ?? (await createOrganisation(db)).id;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const name = values.name ?? `User ${unique()}`;
  const user = await insertUser(db, {
    organisationId,
    email: values.email ?? `${unique()}@example.gov.uk`,
    name,
    passwordHash: await passwordHash,
    roles: values.roles ?? ['admin'],
  });
  const person = values.withPerson === false ? null : await insertPerson(db, organisationId, { name, kind: 'officer', email: user.email, userId: user.id });
  const actor: Actor = {
    userId: user.id,
    organisationId,
    organisationName: 'Test',
    name,
    email: user.email,
    roles: new Set(values.roles ?? ['admin']),
    personIds: person ? [person.id] : [],
  };
  return { user, person, actor };
}

export async function createPerson(db: Db, values: { organisationId?: string; name?: string; kind?: PersonKind; initials?: string; email?: string } = {}) {
  const organisationId = values.organisationId ?? (await createOrganisation(db)).id;
  return insertPerson(db, organisationId, {
    name: values.name ?? `Person ${unique()}`,
    kind: values.kind ?? 'officer',
    initials: values.initials ?? null,
    email: values.email ?? null,
  });
}

export async function createPlan(db: Db, values: { organisationId?: string; ownerUserId?: string; title?: string; periodStart?: string; periodEnd?: string } = {}) {
  const organisationId = values.organisationId ?? (await createOrganisation(db)).id;
  return db
    .insertInto('plans')
    .values({
      organisation_id: organisationId,
      title: values.title ?? `Improvement Plan ${unique()}`,
      source: 'peer_challenge',
      source_detail: null,
      status: 'live',
      level_labels: JSON.stringify(['Theme', 'Area', 'Action']),
      custom_fields: '[]',
      narrative: '[]',
      period_start: values.periodStart ?? '2025-04-01',
      period_end: values.periodEnd ?? '2027-03-31',
      owner_user_id: values.ownerUserId ?? null,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ItemValues {
  planId?: string;
  organisationId?: string;
  parentId?: string | null;
  kind?: ItemKind;
  ref?: string | null;
  title?: string;
  targetText?: string | null;
  targetStart?: string | null;
  targetEnd?: string | null;
  position?: number;
  leadPersonIds?: string[];
}

export async function createItem(db: Db, values: ItemValues = {}) {
  const plan = values.planId
    ? await db.selectFrom('plans').where('id', '=', values.planId).selectAll().executeTakeFirstOrThrow()
    : await createPlan(db, values.organisationId ? { organisationId: values.organisationId } : {});
  const item = await db
    .insertInto('items')
    .values({
      organisation_id: plan.organisation_id,
      plan_id: plan.id,
      parent_id: values.parentId ?? null,
      position: values.position ?? 0,
      kind: values.kind ?? 'action',
      ref: values.ref ?? null,
      ref_key: refKey(values.ref),
      title: values.title ?? `Item ${unique()}`,
      detail: null,
      priority: null,
      corporate_priorities: [],
      target_text: values.targetText ?? null,
      target_start: values.targetStart ?? null,
      target_end: values.targetEnd ?? null,
      target_precision: values.targetEnd ? 'day' : 'unknown',
      planned_months: [],
      resources: null,
      custom_values: '{}',
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [position, personId] of (values.leadPersonIds ?? []).entries()) {
    await db.insertInto('item_people').values({ organisation_id: plan.organisation_id, item_id: item.id, person_id: personId, role: 'lead', position }).execute();
  }
  return item;
}
