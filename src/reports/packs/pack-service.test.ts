import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPerson, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../errors.ts';
import { reportRequest } from '../reports.test-support.ts';
import { storePack } from './pack-issue.ts';

let test: TestApp;
let admin: Actor;
let owner: Actor;
let planId: string;
const itemIds: Record<string, string> = {};

async function approve(ref: string, status: string, rag: 'red' | 'amber' | 'green' | 'blue', narrative: string) {
  const now = new Date();
  await test.database.db.insertInto('updates').values({
    organisation_id: admin.organisationId, plan_id: planId, item_id: itemIds[ref] ?? '', state: 'approved', as_of: '2025-09-30', status,
    rag_proposed: rag, rag_confirmed: rag, narrative, author_name: 'Lead', reviewer_name: 'Reviewer', submitted_at: now, reviewed_at: now, updated_at: now,
  }).execute();
}

async function issue(title: string, asAt: string | null = null): Promise<string> {
  const request = reportRequest(planId, { audience: 'Scrutiny', asAt });
  const built = await test.services.reports.build(admin, request);
  return storePack(test.database.db, admin, built, request, { title, note: null });
}

const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.status : String(error)));

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  ({ actor: admin } = await createUser(db, { roles: ['admin'] }));
  const created = await createUser(db, { roles: ['plan_owner'], organisationId: admin.organisationId });
  owner = created.actor;
  const plan = await createPlan(db, { organisationId: admin.organisationId, ownerUserId: created.user.id, title: 'Governance Improvement Plan', periodStart: '2025-04-01' });
  planId = plan.id;
  const lead = await createPerson(db, { organisationId: admin.organisationId, name: 'Monitoring Officer' });
  const section = await createItem(db, { planId, kind: 'section', title: 'Governance', position: 0 });
  for (const [position, ref] of ['1', '2', '3'].entries()) {
    const item = await createItem(db, { planId, parentId: section.id, ref, title: `Action ${ref}`, position, targetText: 'March 2030', targetStart: '2030-03-01', targetEnd: '2030-03-31', leadPersonIds: [lead.id] });
    itemIds[ref] = item.id;
  }
  await approve('1', 'On target', 'green', 'Going well.');
  await approve('2', 'On target', 'green', 'Started.');
});
afterAll(async () => test.close());

describe('issuing and comparing packs', () => {
  it('freezes the model and files, and the next report shows what changed since', async () => {
    const first = await issue('Scrutiny, September 2025');
    const { pack, files } = await test.services.reports.packs.getPack(admin, planId, first);
    expect(files.map((file) => file.format).sort()).toEqual(['csv', 'docx', 'html', 'pdf', 'xlsx']);
    expect(files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256) && file.size_bytes > 100)).toBe(true);
    expect(pack.model.summary.total).toBe(3);

    await approve('2', 'At risk', 'red', 'Delayed by the restructure.');
    await approve('1', 'Achieved', 'blue', 'Done.');
    await test.database.db.insertInto('date_revisions').values({
      organisation_id: admin.organisationId, plan_id: planId, item_id: itemIds['3'] ?? '', from_text: 'March 2030', from_end: '2030-03-31',
      to_text: 'June 2030', to_end: '2030-06-30', reason: 'Waiting for the new constitution', agreed_by_name: 'Programme Board', agreed_at: new Date(),
    }).execute();
    const { model } = await test.services.reports.build(admin, reportRequest(planId, { audience: 'scrutiny' }));
    expect(model.changes?.sinceTitle).toBe('Scrutiny, September 2025');
    expect(model.changes?.entries.map((entry) => [entry.ref, entry.kind])).toEqual([['1', 'closed'], ['2', 'rag'], ['2', 'status'], ['3', 'date']]);

    const second = await issue('Scrutiny, October 2025');
    const comparison = await test.services.reports.packs.comparePacks(admin, planId, first, second);
    expect(comparison.entries.filter((entry) => entry.kind === 'text').map((entry) => entry.ref)).toEqual(['1', '2']);
    expect(comparison.entries.find((entry) => entry.kind === 'rag')).toMatchObject({ ref: '2', from: 'Green', to: 'Red' });
    expect(comparison.entries.find((entry) => entry.kind === 'date')).toMatchObject({ ref: '3', from: 'March 2030', to: 'June 2030' });
    const reversed = await test.services.reports.packs.comparePacks(admin, planId, second, first);
    expect(reversed.entries.find((entry) => entry.kind === 'rag' && entry.ref === '2')).toMatchObject({ from: 'Red', to: 'Green' });
  });

  it('refuses a plan viewer issuing a pack', async () => {
    const { actor: viewer } = await createUser(test.database.db, { roles: ['viewer'], organisationId: admin.organisationId });
    expect(await code(test.services.reports.startIssue(viewer, reportRequest(planId), { title: 'x', note: null }))).toBe(403);
  });
});

describe('an issued pack cannot be changed', () => {
  it('by the database, for anyone: the trigger refuses updates and deletes', async () => {
    const packId = await issue('Frozen');
    const db = test.database.db;
    await expect(db.updateTable('report_packs').set({ title: 'Changed' }).where('id', '=', packId).execute()).rejects.toThrow(/only by an administrator/);
    await expect(db.deleteFrom('report_pack_files').where('pack_id', '=', packId).execute()).rejects.toThrow(/only with their pack/);
    await expect(db.transaction().execute(async (trx) => {
      await sql`select set_config('waymark.report_pack_admin', 'on', true)`.execute(trx);
      await trx.updateTable('report_pack_files').set({ bytes: Buffer.from('tampered') }).where('pack_id', '=', packId).execute();
    })).rejects.toThrow(/never change/);
    await expect(db.transaction().execute(async (trx) => {
      await sql`select set_config('waymark.report_pack_admin', 'on', true)`.execute(trx);
      await trx.updateTable('report_packs').set({ model: '{}' }).where('id', '=', packId).execute();
    })).rejects.toThrow(/never change/);
  });

  it('by a plan owner (403), while an administrator can rename or delete it, audited', async () => {
    const packId = await issue('Scrutiny, draft name');
    const packs = test.services.reports.packs;
    expect(await code(packs.relabelPack(owner, planId, packId, { title: 'Renamed', note: '' }))).toBe(403);
    expect(await code(packs.deletePack(owner, planId, packId, 'Wrong date'))).toBe(403);
    await packs.relabelPack(admin, planId, packId, { title: 'Scrutiny, 4 November 2025', note: 'Renamed after the meeting' });
    expect((await packs.getPack(admin, planId, packId)).pack.title).toBe('Scrutiny, 4 November 2025');
    expect(await code(packs.deletePack(admin, planId, packId, '  '))).toBe(400);
    await packs.deletePack(admin, planId, packId, 'Issued against the wrong plan');
    expect(await code(packs.getPack(admin, planId, packId))).toBe(404);
    expect(await test.database.db.selectFrom('report_pack_files').where('pack_id', '=', packId).select('id').execute()).toEqual([]);
    const audit = await test.database.db.selectFrom('audit_log').where('entity_id', '=', packId).orderBy('id').select(['action', 'user_id', 'before', 'after']).execute();
    expect(audit.map((entry) => entry.action)).toEqual(['issue', 'update', 'delete']);
    expect(audit[2]).toMatchObject({ user_id: admin.userId, after: { reason: 'Issued against the wrong plan' } });
    expect(JSON.stringify(audit[2]?.before)).toMatch(/"sha256":"[0-9a-f]{64}"/);
  });

  it('is not found from another organisation, even by its administrator', async () => {
    const packId = await issue('Scrutiny, private');
    const { actor: stranger } = await createUser(test.database.db, { roles: ['admin'] });
    expect(await code(test.services.reports.packs.getPack(stranger, planId, packId))).toBe(404);
    expect(await code(test.services.reports.packs.deletePack(stranger, planId, packId, 'x'))).toBe(404);
    expect(await code(test.services.reports.packs.packFile(stranger, planId, packId, 'pdf'))).toBe(404);
  });
});
