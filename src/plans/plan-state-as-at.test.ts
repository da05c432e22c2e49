import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createPerson, createPlan, createUser } from '../../test/factories/factories.ts';
import type { ItemForm } from '../items/item-form.ts';
import { loadPlanState } from './plan-state.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const form = (values: Partial<ItemForm>): ItemForm => ({
  kind: 'action', ref: null, title: 'Untitled', detail: null, priority: null, corporatePriorities: [], targetText: null, resources: null, leads: [], leadMember: null, parentId: null, ...values,
});

/** A moment strictly between two writes. */
async function moment(): Promise<Date> {
  await sleep(15);
  const at = new Date();
  await sleep(15);
  return at;
}

describe('the plan as at a past moment', () => {
  it('shows items and relations as they were: later items gone, edits, moves and deletions undone', async () => {
    const db = test.database.db;
    const { actor } = await createUser(db, { roles: ['admin'] });
    const plan = await createPlan(db, { organisationId: actor.organisationId, ownerUserId: actor.userId });
    const paul = await createPerson(db, { organisationId: actor.organisationId, name: 'Paul Smith' });
    const jo = await createPerson(db, { organisationId: actor.organisationId, name: 'Jo Bloggs' });
    const items = test.services.items;
    const section = await items.createItem(actor, plan.id, form({ kind: 'section', ref: 'CP1', title: 'Town centre' }));
    const engage = await items.createItem(actor, plan.id, form({ ref: '1.1', title: 'Engage consultants', targetText: '31/03/2026', leads: [paul.id], parentId: section.id }));
    const consult = await items.createItem(actor, plan.id, form({ ref: '1.2', title: 'Consult traders', parentId: section.id }));
    await test.services.relations.addRelation(actor, plan.id, consult.id, { toItemId: engage.id, type: 'depends_on', lagDays: 0 });
    const first = await moment();

    await items.updateItem(actor, plan.id, engage.id, engage.version, form({ ref: '1.1', title: 'Appoint consultants', targetText: '30/06/2026', leads: [jo.id], parentId: section.id }));
    const late = await items.createItem(actor, plan.id, form({ ref: '1.3', title: 'Added later', parentId: section.id }));
    await items.moveItem(actor, plan.id, late.id, null, 0);
    const child = await items.createItem(actor, plan.id, form({ kind: 'milestone', ref: '1.2.1', title: 'Traders’ meeting', parentId: consult.id }));
    const second = await moment();
    await items.deleteItem(actor, plan.id, consult.id);

    const now = await loadPlanState(db, actor.organisationId, plan.id, null);
    expect(now.items.map((i) => i.title).sort()).toEqual(['Added later', 'Appoint consultants', 'Town centre']);
    expect(now.relations).toEqual([]);

    const then = await loadPlanState(db, actor.organisationId, plan.id, first);
    expect(then.items.map((i) => [i.ref, i.title, i.parent_id, i.target_text, i.leads]).sort()).toEqual([
      ['1.1', 'Engage consultants', section.id, '31/03/2026', ['Paul Smith']],
      ['1.2', 'Consult traders', section.id, null, []],
      ['CP1', 'Town centre', null, null, []],
    ]);
    expect(then.relations).toEqual([{ from_item_id: consult.id, to_item_id: engage.id, type: 'depends_on', lag_days: 0 }]);

    // Deleting an item takes what was beneath it; both come back in the plan as it was before.
    const beforeDeletion = await loadPlanState(db, actor.organisationId, plan.id, second);
    expect(beforeDeletion.items.find((i) => i.id === child.id)).toMatchObject({ title: 'Traders’ meeting', parent_id: consult.id });
    expect(beforeDeletion.items.map((i) => i.title).sort()).toEqual(['Added later', 'Appoint consultants', 'Consult traders', 'Town centre', 'Traders’ meeting']);
    expect(beforeDeletion.relations).toHaveLength(1);
  });
});
