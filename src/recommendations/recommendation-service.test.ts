import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import { InvalidFields } from '../errors.ts';
import type { UpdateForm } from '../updates/update-form.ts';
import { buildSeed001Shape } from './seed-001-shape.test-support.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const complete: UpdateForm = {
  status: 'Completed',
  ragProposed: 'blue',
  direction: 'same',
  percentComplete: null,
  narrative: 'Done.',
  correctiveAction: null,
  revisedTargetText: null,
  revisionReason: null,
  intent: 'submit',
};

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin', 'reviewer'] });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, title: 'CGI Re-inspection Recommendations' });
  return { db, owner, plan, recommendations: test.services.measures.recommendations };
}

describe('recommendations coverage', () => {
  it('lists seed 001’s three recommendations with their 41 proposals', async () => {
    const { db, owner, plan, recommendations } = await setting();
    const shape = await buildSeed001Shape(db, plan.id);
    const page = await recommendations.coveragePage(owner.actor, plan.id);
    expect(page.total).toBe(3);
    expect(page.actionCount).toBe(41);
    const listed = page.groups.flatMap((group) => group.recommendations);
    expect(listed.map((recommendation) => [recommendation.id, recommendation.actions.length])).toEqual(shape.recommendations.map((item, index) => [item.id, [14, 15, 12][index]]));
    expect(listed.flatMap((recommendation) => recommendation.actions.map((action) => action.id))).toEqual(shape.proposals.map((item) => item.id));
  });

  it('groups recommendations: no action, ready to close (with evidence counted), overdue, in progress', async () => {
    const { db, owner, plan, recommendations } = await setting();
    const section = (ref: string, title: string, position: number) => createItem(db, { planId: plan.id, kind: 'section', ref, title, position });
    const none = await section('1', 'Recommendation 1: no action yet', 0);
    const ready = await section('2', 'Recommendation 2: all done', 1);
    const late = await section('3', 'Recommendation 3: one overdue', 2);
    const going = await section('4', 'Area for improvement: leadership', 3);
    const done = await createItem(db, { planId: plan.id, parentId: ready.id, title: 'Adopt the equality scheme' });
    await createItem(db, { planId: plan.id, parentId: late.id, title: 'Review the constitution', targetText: 'June 09', targetEnd: '2009-06-30' });
    const linked = await createItem(db, { planId: plan.id, parentId: going.id, title: 'Run the leadership academy', targetEnd: '2099-03-31' });
    await db.insertInto('relations').values({ organisation_id: owner.actor.organisationId, plan_id: plan.id, from_item_id: linked.id, to_item_id: late.id, type: 'links_to', lag_days: 0, note: null }).execute();
    const update = await test.services.updates.saveUpdate(owner.actor, plan.id, done.id, complete, { files: [{ fileName: 'scheme.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }] });
    await test.services.updates.review(owner.actor, update.id, { decision: 'approve', ragConfirmed: 'blue', comment: null });

    expect(await recommendations.markRecommendations(owner.actor, plan.id, [none.id, ready.id, late.id, going.id])).toBe(1);
    const page = await recommendations.coveragePage(owner.actor, plan.id);
    const byGroup = Object.fromEntries(page.groups.map((group) => [group.key, group.recommendations.map((recommendation) => recommendation.id)]));
    expect(byGroup).toEqual({ no_action: [none.id], ready_to_close: [ready.id], overdue: [late.id], in_progress: [going.id] });
    const readyActions = page.groups.find((group) => group.key === 'ready_to_close')?.recommendations[0]?.actions;
    expect(readyActions?.map((action) => [action.complete, action.evidenceFiles])).toEqual([[true, 1]]);
    const lateActions = page.groups.find((group) => group.key === 'overdue')?.recommendations[0]?.actions;
    expect(lateActions?.map((action) => [action.title, action.overdue, action.linked])).toEqual([
      ['Review the constitution', true, false],
      ['Run the leadership academy', false, true],
    ]);

    expect(await recommendations.markRecommendations(owner.actor, plan.id, [ready.id])).toBe(3);
    const after = await recommendations.recommendationsFor(owner.actor, plan.id);
    expect(after.map((recommendation) => recommendation.id)).toEqual([ready.id]);
    const flags = await db.selectFrom('items').where('id', 'in', [none.id, going.id]).select(['custom_values']).execute();
    expect(flags.map((row) => row.custom_values.recommendation).sort()).toEqual(['no', 'no']);
  });
});

describe('evidence before closure', () => {
  it('once the plan asks for it, refuses a complete status without evidence, saving nothing', async () => {
    const { db, owner, plan, recommendations } = await setting();
    const action = await createItem(db, { planId: plan.id, title: 'Achieve corporate IIP accreditation' });
    await recommendations.setEvidenceRequired(owner.actor, plan.id, true);
    const error = await test.services.updates.saveUpdate(owner.actor, plan.id, action.id, complete).catch((caught: unknown) => caught);
    expect((error as InvalidFields).issues).toEqual([{ path: 'evidence', message: 'Attach evidence before marking the action complete: this plan asks for it' }]);
    expect(await db.selectFrom('updates').where('item_id', '=', action.id).selectAll().execute()).toHaveLength(0);
    const withEvidence = await test.services.updates.saveUpdate(owner.actor, plan.id, action.id, complete, { files: [{ fileName: 'certificate.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }] });
    expect(withEvidence.state).toBe('submitted');
    await recommendations.setEvidenceRequired(owner.actor, plan.id, false);
    const settings = (await test.services.plans.getPlan(owner.actor, plan.id)).settings;
    expect(settings.evidenceRequiredForComplete).toBe(false);
  });
});

// Also through the importer (built by others) and the real seed, when both are there: a sibling ../shared/seeds.
const importer = fileURLToPath(new URL('../imports/import-document.ts', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const seedName = existsSync(seedsDir) ? readdirSync(seedsDir).find((file) => file.startsWith('001_')) : undefined;

describe.runIf(existsSync(importer) && seedName)('seed 001 through the importer', () => {
  it('lists the three recommendations with their 41 proposals', async () => {
    const seed = `${seedsDir}${seedName}`;
    const { importDocument } = (await import(pathToFileURL(importer).href)) as {
      importDocument: (bytes: Uint8Array, fileName: string) => Promise<{ items: { kind: 'section' | 'outcome' | 'measure' | 'action' | 'milestone'; ref: string | null; title: string; parentIndex: number | null }[] }>;
    };
    const { readFile } = await import('node:fs/promises');
    const imported = await importDocument(await readFile(seed), '001.txt');
    const { db, owner, plan, recommendations } = await setting();
    const ids: string[] = [];
    for (const [position, item] of imported.items.entries()) {
      const parentId = item.parentIndex === null ? null : (ids[item.parentIndex] ?? null);
      ids.push((await createItem(db, { planId: plan.id, parentId, kind: item.kind, ref: item.ref, title: item.title, position })).id);
    }
    const found = await recommendations.recommendationsFor(owner.actor, plan.id);
    expect(found.map((recommendation) => [recommendation.title.slice(0, 16), recommendation.actions.length])).toEqual([
      ['Recommendation 1', 14],
      ['Recommendation 2', 15],
      ['Recommendation 3', 12],
    ]);
  });
});
