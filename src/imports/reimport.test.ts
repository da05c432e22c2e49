import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createUser } from '../../test/factories/factories.ts';
import { parseItemForm } from '../items/item-form.ts';
import { seedPath } from './interpret/test-seeds.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const seedFile = (prefix: string) => ({ name: seedPath(prefix).split('/').pop() as string, bytes: readFileSync(seedPath(prefix)) });

const csv = (secondTitle: string) =>
  new TextEncoder().encode(
    [
      'Ref,Theme,Action,Owner,Target date',
      '1.1,Housing,Agree the housing budget,Finance Director,June 2026',
      `1.2,,${secondTitle},Head of Housing,September 2026`,
    ].join('\n'),
  );

async function importTwice(file: { name: string; bytes: Uint8Array }, second = file) {
  const { actor } = await createUser(test.database.db, { roles: ['admin'] });
  const first = await test.services.imports.importFile(actor, file.name, file.bytes);
  const before = await itemsOf(first.planId);
  const again = await test.services.imports.importFile(actor, second.name, second.bytes, {}, first.planId);
  return { actor, first, again, before, after: await itemsOf(first.planId) };
}

const itemsOf = (planId: string) =>
  test.database.db.selectFrom('items').where('plan_id', '=', planId).orderBy('id').select(['id', 'parent_id', 'kind', 'ref', 'title', 'version']).execute();

describe('importing a plan again into itself', () => {
  it('matches seed 001’s proposals under their own recommendation: the letters restart, nothing merges or duplicates', async () => {
    const { first, again, before, after } = await importTwice(seedFile('001'));
    expect(first.created).toBe(before.length);
    expect(again).toMatchObject({ created: 0, updated: 0, updates: 0, revisions: 0 });
    expect(after).toEqual(before);
    const byId = new Map(after.map((item) => [item.id, item]));
    const proposals = after.filter((item) => item.kind === 'action');
    expect(proposals).toHaveLength(41);
    // 14, 15 and 12 proposals lettered from A under each recommendation (Recommendation 3 prints "I" twice).
    const underRecommendations = proposals.map((p) => `${byId.get(p.parent_id ?? '')?.title.slice(0, 16)} ${p.ref}`);
    expect(new Set(underRecommendations).size).toBe(40);
    expect(new Set(proposals.map((p) => `${p.parent_id} ${p.ref} ${p.title}`)).size).toBe(41);
    const titlesOfA = proposals.filter((p) => p.ref === 'A').map((p) => p.title);
    expect(new Set(titlesOfA).size).toBe(3);
  });

  it('records a revised date once, however often the plan is imported', async () => {
    const { actor, first } = await importTwice(seedFile('004'));
    await test.services.imports.importFile(actor, seedFile('004').name, seedFile('004').bytes, {}, first.planId);
    const revisions = await test.database.db.selectFrom('date_revisions').where('plan_id', '=', first.planId).select(['item_id', 'to_text']).execute();
    expect(revisions.map((r) => r.to_text).sort()).toEqual(['December 2013', 'November 2013']);
  });

  it('bumps the version of an item the file changed, so an edit form opened before is refused as stale', async () => {
    const { actor, again, before, after } = await importTwice({ name: 'plan.csv', bytes: csv('Consult tenants') }, { name: 'plan.csv', bytes: csv('Consult tenants and leaseholders') });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const changed = after.find((item) => item.ref === '1.2');
    const old = before.find((item) => item.ref === '1.2');
    expect(changed).toMatchObject({ id: old?.id, title: 'Consult tenants and leaseholders', version: (old?.version ?? 0) + 1 });
    expect(after.find((item) => item.ref === '1.1')?.version).toBe(before.find((item) => item.ref === '1.1')?.version);

    const parsed = parseItemForm({ kind: 'action', ref: '1.2', title: 'Consult residents', detail: '', priority: '', corporatePriorities: [], targetText: '', resources: '', leads: [], leadMember: '', parentId: changed?.parent_id ?? '' });
    if (!parsed.ok) throw new Error('form did not parse');
    const stale = test.services.items.updateItem(actor, again.planId, old?.id ?? '', old?.version ?? 0, parsed.form);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
  });
});
