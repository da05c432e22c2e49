import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createPerson, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

describe('the person form', () => {
  it('offers the user link to administrators only; a plan owner edits the other fields and keeps the link', async () => {
    const db = test.database.db;
    const admin = await createUser(db, { roles: ['admin'], name: 'Ada Admin' });
    const organisationId = admin.actor.organisationId;
    const owner = await createUser(db, { organisationId, roles: ['plan_owner'], name: 'Olive Owner', withPerson: false });
    const person = await createPerson(db, { organisationId, name: 'Head of Finance' });
    await db.updateTable('people').set({ user_id: admin.user.id }).where('id', '=', person.id).execute();

    const adminForm = await (await signInAs(test, admin.user)).get(`/people/${person.id}/edit`);
    expect(adminForm.body).toContain('<select class="govuk-select" id="userId" name="userId"');

    const ownerSession = await signInAs(test, owner.user);
    const ownerForm = await ownerSession.get(`/people/${person.id}/edit`);
    expect(ownerForm.statusCode).toBe(200);
    expect(ownerForm.body).not.toContain('<select class="govuk-select" id="userId"');
    expect(ownerForm.body).toContain('Linked to Ada Admin. Only an administrator can link a person to a sign-in.');

    const saved = await ownerSession.post(`/people/${person.id}/edit`, { name: 'Head of Finance and Property', roleTitle: '', initials: '', kind: 'officer', email: '', userId: admin.user.id });
    expect(saved.statusCode, saved.body).toBe(303);
    expect(await db.selectFrom('people').where('id', '=', person.id).select(['name', 'user_id']).executeTakeFirstOrThrow()).toEqual({ name: 'Head of Finance and Property', user_id: admin.user.id });
  });
});
