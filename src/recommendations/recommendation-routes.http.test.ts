import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPlan, createUser } from '../../test/factories/factories.ts';
import { buildSeed001Shape } from './seed-001-shape.test-support.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const plan = await createPlan(db, { organisationId: admin.actor.organisationId, ownerUserId: admin.user.id });
  return { db, admin, plan, session: await signInAs(test, admin.user) };
}

describe('the recommendations page', () => {
  it('lists seed 001’s three recommendations with their 41 proposals', async () => {
    const { db, plan, session } = await setting();
    const { recommendations, proposals } = await buildSeed001Shape(db, plan.id);
    const page = await session.get(`/plans/${plan.id}/recommendations`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('3 recommendations, answered by 41 actions');
    for (const item of [...recommendations, ...proposals]) expect(page.body).toContain(`/items/${item.id}"`);
    expect(page.body).toContain('In progress (3)');
  });

  it('marks a section as a recommendation, and turns on evidence before closure: a complete status without evidence is refused', async () => {
    const { db, plan, session } = await setting();
    const area = await createItem(db, { planId: plan.id, kind: 'section', ref: 'T1', title: 'Area for improvement: governance' });
    const action = await createItem(db, { planId: plan.id, parentId: area.id, title: 'Refresh the constitution' });
    expect((await session.post(`/plans/${plan.id}/recommendations/marked`, { recommendationIds: area.id })).statusCode).toBe(303);
    expect((await session.get(`/plans/${plan.id}/recommendations`)).body).toContain('1 recommendation, answered by 1 action');

    expect((await session.post(`/plans/${plan.id}/recommendations/evidence`, { evidenceRequired: 'yes' })).statusCode).toBe(303);
    const update = { status: 'Completed', ragProposed: 'blue', direction: 'same', percentComplete: '', narrative: 'Adopted by Council', correctiveAction: '', revisedTargetText: '', revisionReason: '', intent: 'submit' };
    const refused = await session.post(`/plans/${plan.id}/items/${action.id}/update`, update);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Attach evidence before marking the action complete: this plan asks for it');
    expect(await db.selectFrom('updates').where('item_id', '=', action.id).selectAll().execute()).toHaveLength(0);
  });

  it('keeps a viewer from changing settings (403) and another organisation out (404)', async () => {
    const { db, admin, plan } = await setting();
    const viewer = await createUser(db, { organisationId: admin.actor.organisationId, roles: ['viewer'] });
    const reader = await signInAs(test, viewer.user);
    expect((await reader.get(`/plans/${plan.id}/recommendations`)).statusCode).toBe(200);
    expect((await reader.post(`/plans/${plan.id}/recommendations/evidence`, { evidenceRequired: 'yes' })).statusCode).toBe(403);
    expect((await reader.post(`/plans/${plan.id}/implications/edit`, { financial: 'Sneaky' })).statusCode).toBe(403);
    const settings = (await db.selectFrom('plans').where('id', '=', plan.id).select('settings').executeTakeFirstOrThrow()).settings;
    expect(settings.evidenceRequiredForComplete).toBeUndefined();

    const stranger = await createUser(db, { organisationId: (await createOrganisation(db)).id, roles: ['admin'] });
    const outsider = await signInAs(test, stranger.user);
    for (const url of [`/plans/${plan.id}/recommendations`, `/plans/${plan.id}/implications`, `/plans/${plan.id}/implications/edit`]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    }
    expect((await outsider.post(`/plans/${plan.id}/recommendations/marked`, { recommendationIds: [] })).statusCode).toBe(404);
  });
});
