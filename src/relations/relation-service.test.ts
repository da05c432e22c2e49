import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPlan, createUser } from '../../test/factories/factories.ts';
import { AppError, InvalidFields } from '../errors.ts';
import type { RelationForm } from './relation-form.ts';
import { addRelationsInTransaction } from './relation-writer.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const dependsOn = (toItemId: string, lagDays = 0): RelationForm => ({ type: 'depends_on', toItemId, lagDays });

async function setting(refs: (string | null)[] = ['A', 'B', 'C']) {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['plan_owner', 'reviewer'], name: 'Pat Owner' });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id });
  const items = [];
  for (const [position, ref] of refs.entries()) {
    items.push(await createItem(db, { planId: plan.id, ref, title: `Action ${ref ?? position}`, position }));
  }
  return { owner, plan, items };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidFields);
  return (error as InvalidFields).issues[0];
}

const relationCount = async (planId: string) =>
  (await test.database.db.selectFrom('relations').where('plan_id', '=', planId).select('id').execute()).length;

describe('relations between items', () => {
  it('refuses a loop A→B→C→A, naming it, and saves nothing', async () => {
    const { owner, plan, items } = await setting();
    const [a, b, c] = items.map((item) => item.id) as [string, string, string];
    await test.services.relations.addRelation(owner.actor, plan.id, b, dependsOn(c));
    await test.services.relations.addRelation(owner.actor, plan.id, c, dependsOn(a));
    const issue = await refusal(test.services.relations.addRelation(owner.actor, plan.id, a, dependsOn(b)));
    expect(issue).toEqual({ path: 'toItemId', message: 'This would make a loop: A depends on B, B on C, C on A' });
    expect(issue?.message.endsWith('A depends on B, B on C, C on A')).toBe(true);
    expect(await relationCount(plan.id)).toBe(2);
  });

  it('names items by title in a loop when they have no reference', async () => {
    const { owner, plan, items } = await setting([null, null]);
    const [first, second] = items.map((item) => item.id) as [string, string];
    await test.services.relations.addRelation(owner.actor, plan.id, first, { type: 'follows_on_from', toItemId: second, lagDays: 0 });
    const issue = await refusal(test.services.relations.addRelation(owner.actor, plan.id, second, dependsOn(first)));
    expect(issue?.message).toBe('This would make a loop: Action 1 depends on Action 0, Action 0 on Action 1');
  });

  it('refuses a self relation, a duplicate, a negative lag longer than the plan, and items of another plan or organisation', async () => {
    const db = test.database.db;
    const { owner, plan, items } = await setting();
    const [a, b] = items.map((item) => item.id) as [string, string];
    const elsewhere = await createItem(db, { planId: (await createPlan(db, { organisationId: owner.actor.organisationId })).id, ref: 'X' });
    const foreign = await createItem(db, { organisationId: (await createOrganisation(db)).id, ref: 'Y' });
    await test.services.relations.addRelation(owner.actor, plan.id, a, dependsOn(b, 5));

    const outside = 'A cannot be related to an item outside this plan, or one you cannot see';
    const cases: [RelationForm, { path: string; message: string }][] = [
      [{ type: 'links_to', toItemId: a, lagDays: 0 }, { path: 'toItemId', message: 'A cannot be related to itself' }],
      [{ type: 'follows_on_from', toItemId: b, lagDays: 0 }, { path: 'toItemId', message: 'A already depends on B' }],
      [dependsOn(elsewhere.id), { path: 'toItemId', message: outside }],
      [dependsOn(foreign.id), { path: 'toItemId', message: outside }],
    ];
    for (const [form, expected] of cases) {
      expect(await refusal(test.services.relations.addRelation(owner.actor, plan.id, a, form))).toEqual(expected);
    }
    // The factory's plan runs from 1 April 2025 to 31 March 2027: 729 days.
    expect(await refusal(test.services.relations.addRelation(owner.actor, plan.id, b, dependsOn(items[2]!.id, -800)))).toEqual({
      path: 'lagDays',
      message: 'A negative lag of -800 days is longer than the plan itself (729 days)',
    });
    expect(await relationCount(plan.id)).toBe(1);
  });

  it('lets only those who may change the plan add or remove relations; another organisation gets 404', async () => {
    const db = test.database.db;
    const { owner, plan, items } = await setting();
    const [a, b] = items.map((item) => item.id) as [string, string];
    const lead = await createUser(db, { organisationId: owner.actor.organisationId, roles: ['lead'] });
    const outsider = await createUser(db, { roles: ['admin'] });
    const forbidden = await test.services.relations.addRelation(lead.actor, plan.id, a, dependsOn(b)).catch((error: unknown) => error);
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    const hidden = await test.services.relations.addRelation(outsider.actor, plan.id, a, dependsOn(b)).catch((error: unknown) => error);
    expect(hidden).toBeInstanceOf(AppError);
    expect(hidden).toMatchObject({ code: 'not_found' });
    const relation = await test.services.relations.addRelation(owner.actor, plan.id, a, dependsOn(b));
    const removal = await test.services.relations.removeRelation(lead.actor, plan.id, a, relation.id).catch((error: unknown) => error);
    expect(removal).toMatchObject({ code: 'forbidden' });
    expect(await relationCount(plan.id)).toBe(1);
  });

  it('records who added and removed a relation in the audit log', async () => {
    const { owner, plan, items } = await setting();
    const [a, b] = items.map((item) => item.id) as [string, string];
    const relation = await test.services.relations.addRelation(owner.actor, plan.id, a, dependsOn(b, 10));
    await test.services.relations.removeRelation(owner.actor, plan.id, b, relation.id);
    const audit = await test.database.db.selectFrom('audit_log').where('entity_id', '=', relation.id).orderBy('at').select(['action', 'user_name', 'plan_id']).execute();
    expect(audit).toEqual([
      { action: 'create', user_name: 'Pat Owner', plan_id: plan.id },
      { action: 'delete', user_name: 'Pat Owner', plan_id: plan.id },
    ]);
    expect(await relationCount(plan.id)).toBe(0);
  });

  it('adds an importer’s relations in its transaction, returning the ones it refuses with the reason', async () => {
    const { owner, plan, items } = await setting(['16', '17', '27']);
    const [i16, i17, i27] = items.map((item) => item.id) as [string, string, string];
    const result = await test.database.db.transaction().execute((trx) =>
      addRelationsInTransaction(trx, owner.actor, plan, [
        { fromItemId: i17, toItemId: i16, type: 'follows_on_from', lagDays: 0 },
        { fromItemId: i16, toItemId: i27, type: 'links_to', lagDays: 0 },
        { fromItemId: i27, toItemId: i16, type: 'links_to', lagDays: 0 },
        { fromItemId: i16, toItemId: i17, type: 'depends_on', lagDays: 0 },
      ]),
    );
    expect(result.added.map((row) => [row.type, row.from_item_id, row.to_item_id])).toEqual([
      ['follows_on_from', i17, i16],
      ['links_to', i16, i27],
    ]);
    expect(result.refused.map((refused) => refused.problem.message)).toEqual([
      '16 already links to 27',
      'This would make a loop: 16 depends on 17, 17 on 16',
    ]);
  });
});
