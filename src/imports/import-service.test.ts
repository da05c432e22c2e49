import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createUser } from '../../test/factories/factories.ts';
import { readSeed, seedPath } from './interpret/test-seeds.ts';
import { seedWords, WORD } from './interpret/seed-words.ts';
import { saveImportedPlan } from './save/save-imported-plan.ts';
import { importSeed } from './interpret/test-seeds.ts';
import { AppError } from '../errors.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const seedBytes = (prefix: string) => readFileSync(seedPath(prefix));

async function importSeedAs(prefix: string) {
  const { actor } = await createUser(test.database.db, { roles: ['admin'] });
  const result = await test.services.imports.importFile(actor, seedPath(prefix).split('/').pop() as string, seedBytes(prefix));
  return { actor, result };
}

/** Every text the saved plan holds: what a reader of Waymark can see. */
async function savedWords(planId: string): Promise<Set<string>> {
  const db = test.database.db;
  const plan = await db.selectFrom('plans').where('id', '=', planId).selectAll().executeTakeFirstOrThrow();
  const items = await db.selectFrom('items').where('plan_id', '=', planId).selectAll().execute();
  const people = await db.selectFrom('item_people as ip').innerJoin('people as p', 'p.id', 'ip.person_id').innerJoin('items as i', 'i.id', 'ip.item_id').where('i.plan_id', '=', planId).select('p.name').execute();
  const updates = await db.selectFrom('updates').where('plan_id', '=', planId).select(['status', 'narrative']).execute();
  const texts = [plan.title, ...plan.narrative, ...people.map((p) => p.name), ...updates.flatMap((u) => [u.status ?? '', u.narrative ?? ''])];
  for (const item of items) texts.push(item.ref ?? '', item.title, item.detail ?? '', item.priority ?? '', item.target_text ?? '', item.resources ?? '', ...Object.entries(item.custom_values).flat());
  return new Set(texts.join('\n').toLowerCase().match(WORD) ?? []);
}

describe('saving an imported plan', () => {
  it('saves seed 004 with its actions, leads, progress as approved updates, revised dates and links', async () => {
    const { result } = await importSeedAs('004');
    const db = test.database.db;
    const actions = await db.selectFrom('items').where('plan_id', '=', result.planId).where('kind', '=', 'action').selectAll().execute();
    expect(actions).toHaveLength(27);
    const leads = await db.selectFrom('item_people').where('item_id', 'in', actions.map((a) => a.id)).select('item_id').distinct().execute();
    expect(leads.length).toBe(27);
    const approved = await db.selectFrom('updates').where('plan_id', '=', result.planId).where('state', '=', 'approved').selectAll().execute();
    expect(approved).toHaveLength(27);
    expect(approved.every((u) => u.as_of === '2013-09-30')).toBe(true);
    const statuses = await test.services.status.statuses((await createUser(db)).actor, result.planId, null).catch(() => null);
    expect(statuses).toBeNull(); // another organisation cannot read it
    const revisions = await db.selectFrom('date_revisions').where('plan_id', '=', result.planId).orderBy('to_text').selectAll().execute();
    expect(revisions.map((r) => [r.from_text, r.to_text])).toEqual([
      ['Autumn 2013', 'December 2013'],
      ['31 March 2013 - Brief completed September 2013 - opportunities finalised', 'November 2013'],
    ]);
    const ref = new Map(actions.map((a) => [a.id, a.ref]));
    const relations = await db.selectFrom('relations').where('plan_id', '=', result.planId).selectAll().execute();
    const pairs = relations.map((r) => `${ref.get(r.from_item_id)} ${r.type} ${ref.get(r.to_item_id)}`);
    expect(pairs).toEqual(expect.arrayContaining(['16 links_to 27', '17 follows_on_from 16', '23 links_to 14']));
    const people = actions.find((a) => a.ref === '16');
    expect(people?.corporate_priorities).toEqual(['PROSPERITY']);
  });

  it.each(['000', '001', '002', '003', '004'])('keeps every word of seed %s in the saved plan', async (prefix) => {
    const { result } = await importSeedAs(prefix);
    const found = await savedWords(result.planId);
    const missing = [...seedWords(readSeed(prefix))].filter((word) => !found.has(word));
    expect(missing, `missing from the saved plan: ${missing.join(', ')}`).toEqual([]);
  });

  it('updates matching items when the same plan is imported again: no duplicates', async () => {
    const { actor, result } = await importSeedAs('000');
    const again = await test.services.imports.importFile(actor, '000.txt', seedBytes('000'), {}, result.planId);
    expect(again).toMatchObject({ planId: result.planId, created: 0 });
    const actions = await test.database.db.selectFrom('items').where('plan_id', '=', result.planId).where('kind', '=', 'action').select('id').execute();
    expect(actions).toHaveLength(22);
  });

  it('leaves no partial plan when saving fails half-way', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const imported = importSeed('000');
    const broken = { ...imported, items: imported.items.map((item, i) => (i === 10 ? { ...item, title: 'bad \u0000 byte' } : item)) };
    const attempt = test.database.db.transaction().execute((trx) => saveImportedPlan(trx, actor, broken, { fileName: 'broken.txt', fyStartMonth: 4, today: '2026-01-01' }));
    await expect(attempt).rejects.toThrow();
    const plans = await test.database.db.selectFrom('plans').where('organisation_id', '=', actor.organisationId).select('id').execute();
    expect(plans).toHaveLength(0);
    const people = await test.database.db.selectFrom('people').where('organisation_id', '=', actor.organisationId).select('id').execute();
    expect(people).toHaveLength(1);
  });

  it('refuses an unreadable file with a message naming it, and keeps nothing', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await test.services.imports.upload(actor, 'plan.docx', png, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('plan.docx');
    const sessions = await test.database.db.selectFrom('import_sessions').where('organisation_id', '=', actor.organisationId).select('id').execute();
    expect(sessions).toHaveLength(0);
  });

  it('loads the five demonstration plans', async () => {
    const { actor } = await createUser(test.database.db, { roles: ['admin'] });
    const results = await test.services.imports.importDemo(actor);
    expect(results).toHaveLength(5);
  });
});
