import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const { user, actor } = await createUser(db, { roles: ['editor'] });
  const plan = await createPlan(db, { organisationId: actor.organisationId });
  const [a, b, c] = [
    await createItem(db, { planId: plan.id, ref: 'A', title: 'Agree the scope', position: 0 }),
    await createItem(db, { planId: plan.id, ref: 'B', title: 'Buy the system', position: 1 }),
    await createItem(db, { planId: plan.id, ref: 'C', title: 'Commission training', position: 2 }),
  ];
  return { user, actor, plan, a, b, c, session: await signInAs(test, user) };
}

const relations = (planId: string) =>
  test.database.db.selectFrom('relations').where('plan_id', '=', planId).select(['id', 'from_item_id', 'to_item_id', 'type', 'lag_days']).execute();

describe('relations on the item page', () => {
  it('adds a dependency with a lag through the item page’s form, lists it, and removes it', async () => {
    const { plan, a, b, session } = await setting();
    const itemUrl = `/plans/${plan.id}/items/${a.id}`;
    const page = await session.get(itemUrl);
    expect(page.body).toContain('Add a related item');
    expect(page.body).toContain(`<option value="${b.id}">B Buy the system</option>`);
    expect(page.body).not.toContain(`<option value="${a.id}">`);

    const added = await session.post(`${itemUrl}/relations`, { type: 'depends_on', toItemId: b.id, lagDays: '14' });
    expect(added.statusCode, added.body).toBe(303);
    expect(added.headers.location).toBe(itemUrl);
    const [saved] = await relations(plan.id);
    expect(saved).toMatchObject({ from_item_id: a.id, to_item_id: b.id, type: 'depends_on', lag_days: 14 });

    const after = await session.get(itemUrl);
    expect(after.body).toContain('Depends on');
    expect(after.body).toContain('14 days lag');
    expect(after.body).toContain(`action="${itemUrl}/relations/${saved!.id}/delete"`);
    const other = await session.get(`/plans/${plan.id}/items/${b.id}`);
    expect(other.body).toContain('Needed by');

    const removed = await session.post(`${itemUrl}/relations/${saved!.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect(await relations(plan.id)).toEqual([]);
  });

  it('re-renders the form with an error summary naming the loop, and saves nothing', async () => {
    const { plan, a, b, c, session } = await setting();
    for (const [from, to] of [[b, c], [c, a]] as const) {
      expect((await session.post(`/plans/${plan.id}/items/${from.id}/relations`, { type: 'depends_on', toItemId: to.id, lagDays: '' })).statusCode).toBe(303);
    }
    const refused = await session.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: 'depends_on', toItemId: b.id, lagDays: '0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('This would make a loop: A depends on B, B on C, C on A');
    expect(refused.body).toContain('href="#toItemId"');
    expect(refused.body).toContain(`<option value="${b.id}" selected>B Buy the system</option>`);
    expect(await relations(plan.id)).toHaveLength(2);

    const badLag = await session.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: 'depends_on', toItemId: c.id, lagDays: 'two weeks' });
    expect(badLag.statusCode).toBe(400);
    expect(badLag.body).toContain('Lag must be a number of days, for example 0, 10 or -5');
    expect(badLag.body).toContain('value="two weeks"');
    const noChoice = await session.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: '', toItemId: '', lagDays: '' });
    expect(noChoice.body).toContain('Select how the items are related');
    expect(noChoice.body).toContain('Select the related item');
    expect(await relations(plan.id)).toHaveLength(2);
  });

  it('refuses those who may not change the plan (403), another organisation’s items (404) and a bad CSRF token', async () => {
    const db = test.database.db;
    const { actor, plan, a, b, session } = await setting();
    const viewer = await createUser(db, { organisationId: actor.organisationId, roles: ['viewer'] });
    const viewing = await signInAs(test, viewer.user);
    const page = await viewing.get(`/plans/${plan.id}/items/${a.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Add a related item');
    expect((await viewing.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: 'depends_on', toItemId: b.id, lagDays: '' })).statusCode).toBe(403);
    expect((await viewing.get(`/plans/${plan.id}/items/${a.id}/relations/new`)).statusCode).toBe(403);

    const foreignPlan = await createPlan(db, { organisationId: (await createOrganisation(db)).id });
    const foreign = await createItem(db, { planId: foreignPlan.id, ref: 'Z', title: 'Secret' });
    expect((await session.post(`/plans/${foreignPlan.id}/items/${foreign.id}/relations`, { type: 'depends_on', toItemId: b.id, lagDays: '' })).statusCode).toBe(404);
    expect((await session.get(`/plans/${foreignPlan.id}/items/${foreign.id}/relations/new`)).statusCode).toBe(404);
    const across = await session.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: 'links_to', toItemId: foreign.id, lagDays: '' });
    expect(across.statusCode).toBe(400);
    expect(across.body).toContain('A cannot be related to an item outside this plan, or one you cannot see');
    expect(across.body).not.toContain('Secret');
    expect((await session.post(`/plans/${plan.id}/items/${a.id}/relations`, { type: 'depends_on', toItemId: b.id, lagDays: '' }, { csrf: 'wrong' })).statusCode).toBe(403);
    expect(await relations(plan.id)).toEqual([]);
  });

  it('warns on the item page and lists on the knock-on page an action put at risk by a late predecessor', async () => {
    const db = test.database.db;
    const { plan, a, b, session } = await setting();
    await db.updateTable('items').set({ target_text: '31/10/2025', target_end: '2025-10-31' }).where('id', '=', a.id).execute();
    await db.updateTable('items').set({ planned_months: ['2025-09', '2025-10'], target_end: '2025-10-31' }).where('id', '=', b.id).execute();
    expect((await session.post(`/plans/${plan.id}/items/${b.id}/relations`, { type: 'depends_on', toItemId: a.id, lagDays: '' })).statusCode).toBe(303);
    const reason = "At risk from A: its target date 31/10/2025 is 60 days after this action's start";
    const itemPage = await session.get(`/plans/${plan.id}/items/${b.id}`);
    expect(itemPage.body).toContain(reason.replace("'", '&#39;'));
    const knockOn = await session.get(`/plans/${plan.id}/knock-on`);
    expect(knockOn.statusCode).toBe(200);
    expect(knockOn.body).toContain('1 item at risk.');
    expect(knockOn.body).toContain('B Buy the system');
    const timeline = await session.get(`/plans/${plan.id}/timeline`);
    expect(timeline.body).toContain('1 item at risk from a slip elsewhere.');
    expect(timeline.body).toContain('<td class="tl-warn">At risk from A</td>');
  });
});
