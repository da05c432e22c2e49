import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createUser } from '../../test/factories/factories.ts';
import { readFileToGrid } from './read-file.ts';
import { interpretGrid } from './interpret/interpret-grid.ts';
import { saveImportedPlan } from './save/save-imported-plan.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

/** Three actions that each follow on from another, in a loop, and a fourth that links back to the first. */
const LOOP = new TextEncoder().encode(
  [
    'Ref,Theme,Action,Owner,Target date',
    '1.1,Housing,Agree the housing budget. Follows on from action 1.3,Finance Director,June 2026',
    '1.2,,Consult tenants on the draft. Follows on from action 1.1,Head of Housing,September 2026',
    '1.3,,Publish the housing strategy. Follows on from action 1.2,Chief Executive,December 2026',
    '1.4,,Report to Cabinet. Links to action 1.1,Chief Executive,March 2027',
  ].join('\n'),
);

async function savedLinks(planId: string): Promise<string[]> {
  const db = test.database.db;
  const refs = new Map((await db.selectFrom('items').where('plan_id', '=', planId).select(['id', 'ref']).execute()).map((i) => [i.id, i.ref]));
  const rows = await db.selectFrom('relations').where('plan_id', '=', planId).select(['from_item_id', 'to_item_id', 'type']).execute();
  return rows.map((r) => `${refs.get(r.from_item_id)} ${r.type} ${refs.get(r.to_item_id)}`).sort();
}

describe('links between actions in an imported plan', () => {
  it('leaves out the link that closes a loop, with a warning on the preview naming the loop, and saves the rest', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const id = await test.services.imports.upload(actor, 'loop.csv', LOOP, null);
    const { document } = await test.services.imports.preview(actor, id);
    expect(document.plan.warnings).toContainEqual({
      where: 'Action 1.3',
      message: expect.stringContaining('This would make a loop: Action 1.3 depends on Action 1.2, Action 1.2 on Action 1.1, Action 1.1 on Action 1.3') as string,
    });

    const result = await test.services.imports.confirm(actor, id);
    expect(result).toMatchObject({ created: 5, relations: 3, linksLeftOut: [] });
    expect(await savedLinks(result.planId)).toEqual(['1.1 follows_on_from 1.3', '1.2 follows_on_from 1.1', '1.4 links_to 1.1']);
    const audited = await test.database.db.selectFrom('audit_log').where('plan_id', '=', result.planId).where('entity_type', '=', 'relation').select('action').execute();
    expect(audited).toEqual([{ action: 'create' }, { action: 'create' }, { action: 'create' }]);
  });

  it('never saves a loop, even when the plan is saved without the preview', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const imported = interpretGrid(await readFileToGrid(LOOP, 'loop.csv'));
    const result = await test.database.db.transaction().execute((trx) => saveImportedPlan(trx, actor, imported, { fileName: 'loop.csv', fyStartMonth: 4, today: '2026-01-01' }));
    expect(result.relations).toBe(3);
    expect(result.linksLeftOut).toEqual(['This would make a loop: 1.3 depends on 1.2, 1.2 on 1.1, 1.1 on 1.3']);
    expect(await savedLinks(result.planId)).not.toContain('1.3 follows_on_from 1.2');
  });

  it('adds no duplicate link when the same file is imported again into the plan', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const first = await test.services.imports.importFile(actor, 'loop.csv', LOOP);
    const again = await test.services.imports.importFile(actor, 'loop.csv', LOOP, {}, first.planId);
    expect(again).toMatchObject({ created: 0, updated: 0, relations: 0, linksLeftOut: [] });
    expect(await savedLinks(first.planId)).toHaveLength(3);
  });
});
