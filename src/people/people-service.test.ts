import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.ts';
import { createTestDatabase } from '../../test/support/test-db.ts';
import { createPerson, createUser } from '../../test/factories/factories.ts';
import type { Role } from '../db/schema.ts';
import { findPerson } from './person-repository.ts';
import { createPeopleService } from './people-service.ts';
import type { PersonForm } from './person-form.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const formOf = (values: Partial<PersonForm> = {}): PersonForm => ({ name: 'Director of Corporate Resources', roleTitle: null, initials: null, kind: 'officer', email: null, userId: null, ...values });

async function setting(role: Role) {
  const db = database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const organisationId = admin.actor.organisationId;
  const officer = await createUser(db, { organisationId, roles: [role], withPerson: false });
  const person = await createPerson(db, { organisationId, name: 'Director of Corporate Resources' });
  const auditCount = async () => Number((await db.selectFrom('audit_log').where('entity_id', '=', person.id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { db, admin, officer, person, auditCount, people: createPeopleService(db) };
}

describe('linking a person to a Waymark user', () => {
  it.each<Role>(['plan_owner', 'editor'])('refuses a %s who links a person to a user, and saves nothing', async (role) => {
    const { db, officer, person, auditCount, people } = await setting(role);
    await expect(people.updatePerson(officer.actor, person.id, formOf({ roleTitle: 'Director', userId: officer.user.id }))).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      message: 'You do not have permission to link a person to a Waymark user. Ask an organisation admin to do it.',
    });
    expect(await findPerson(db, person.organisation_id, person.id)).toMatchObject({ user_id: null, role_title: null });
    expect(await auditCount()).toBe(0);

    await expect(people.createPerson(officer.actor, formOf({ name: 'Another', userId: officer.user.id }))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.selectFrom('people').where('organisation_id', '=', person.organisation_id).where('name', '=', 'Another').selectAll().execute()).toEqual([]);
  });

  it('refuses a non-admin who changes or removes an existing link, but lets them edit the other fields', async () => {
    const { db, admin, officer, person, people } = await setting('editor');
    await people.updatePerson(admin.actor, person.id, formOf({ userId: admin.user.id }));

    await expect(people.updatePerson(officer.actor, person.id, formOf({ userId: officer.user.id }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(people.updatePerson(officer.actor, person.id, formOf({ userId: null }))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await findPerson(db, person.organisation_id, person.id))?.user_id).toBe(admin.user.id);

    const saved = await people.updatePerson(officer.actor, person.id, formOf({ roleTitle: 'Director', userId: admin.user.id }));
    expect(saved).toMatchObject({ role_title: 'Director', user_id: admin.user.id });
    expect(await people.createPerson(officer.actor, formOf({ name: 'Unlinked' }))).toMatchObject({ name: 'Unlinked', user_id: null });
  });

  it('lets an admin set and change the link', async () => {
    const { admin, officer, person, people } = await setting('editor');
    expect(await people.updatePerson(admin.actor, person.id, formOf({ userId: officer.user.id }))).toMatchObject({ user_id: officer.user.id });
    expect(await people.updatePerson(admin.actor, person.id, formOf({ userId: admin.user.id }))).toMatchObject({ user_id: admin.user.id });
    expect(await people.createPerson(admin.actor, formOf({ name: 'Linked', userId: officer.user.id }))).toMatchObject({ user_id: officer.user.id });
  });
});
