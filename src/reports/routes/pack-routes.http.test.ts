import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import { storePack } from '../packs/pack-issue.ts';
import { onePixelPng, reportRequest } from '../reports.test-support.ts';

let test: TestApp;
let admin: Actor;
let adminSession: Session;
let ownerSession: Session;
let viewerSession: Session;
let planId: string;

async function issued(title: string): Promise<string> {
  const request = reportRequest(planId, { audience: 'Programme Board' });
  const built = await test.services.reports.build(admin, request);
  return storePack(test.database.db, admin, built, request, { title, note: null });
}

const packCount = async () => (await test.database.db.selectFrom('report_packs').where('plan_id', '=', planId).select('id').execute()).length;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  const created = await createUser(db, { roles: ['admin'] });
  admin = created.actor;
  adminSession = await signInAs(test, created.user);
  const owner = await createUser(db, { roles: ['plan_owner'], organisationId: admin.organisationId });
  ownerSession = await signInAs(test, owner.user);
  viewerSession = await signInAs(test, (await createUser(db, { roles: ['viewer'], organisationId: admin.organisationId })).user);
  const plan = await createPlan(db, { organisationId: admin.organisationId, ownerUserId: owner.user.id, title: 'Housing Improvement Plan', periodStart: '2025-04-01' });
  planId = plan.id;
  await createItem(db, { planId, ref: 'H1', title: 'Publish the allocations policy', targetText: 'December 2030', targetEnd: '2030-12-31' });
});
afterAll(async () => test.close());

describe('issued pack pages', () => {
  it('refuse a form without its CSRF token, storing and deleting nothing', async () => {
    const before = await packCount();
    const issue = await adminSession.post(`/plans/${planId}/reports/issue`, { audience: 'Cabinet', packTitle: 'Cabinet' }, { csrf: null });
    expect(issue.statusCode).toBe(403);
    const packId = await issued('Programme Board, May');
    const remove = await adminSession.post(`/plans/${planId}/reports/packs/${packId}/delete`, { reason: 'Mistake' }, { csrf: 'forged' });
    expect(remove.statusCode).toBe(403);
    expect(await packCount()).toBe(before + 1);
  });

  it('let a plan owner issue a pack but not rename or delete one (403)', async () => {
    const packId = await issued('Programme Board, June');
    expect((await ownerSession.get(`/plans/${planId}/reports/packs/${packId}/edit`)).statusCode).toBe(403);
    expect((await ownerSession.post(`/plans/${planId}/reports/packs/${packId}/edit`, { packTitle: 'Renamed', packNote: '' })).statusCode).toBe(403);
    expect((await ownerSession.post(`/plans/${planId}/reports/packs/${packId}/delete`, { reason: 'Wrong' })).statusCode).toBe(403);
    const page = await ownerSession.get(`/plans/${planId}/reports/packs/${packId}`);
    expect(page.body).toContain('Programme Board, June');
    expect(page.body).not.toContain('Delete this pack');
    expect((await viewerSession.post(`/plans/${planId}/reports/issue`, { audience: 'Cabinet', packTitle: 'Cabinet' })).statusCode).toBe(403);
    const owned = await ownerSession.post(`/plans/${planId}/reports/issue`, { audience: 'Cabinet', packTitle: 'Cabinet, July' });
    expect(owned.statusCode).toBe(303);
    await test.services.reports.jobs.idle();
  });

  it('let an administrator rename and delete a pack, giving a reason', async () => {
    const packId = await issued('Programme Board, draft');
    const renamed = await adminSession.post(`/plans/${planId}/reports/packs/${packId}/edit`, { packTitle: 'Programme Board, 14 July 2025', packNote: 'Agreed at the meeting' });
    expect(renamed.statusCode).toBe(303);
    expect((await adminSession.get(`/plans/${planId}/reports/packs/${packId}`)).body).toContain('Programme Board, 14 July 2025');
    const noReason = await adminSession.post(`/plans/${planId}/reports/packs/${packId}/delete`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the pack is being deleted');
    const deleted = await adminSession.post(`/plans/${planId}/reports/packs/${packId}/delete`, { reason: 'Duplicate of the June pack' });
    expect(deleted.statusCode).toBe(303);
    expect((await adminSession.get(`/plans/${planId}/reports/packs/${packId}`)).statusCode).toBe(404);
  });

  it('are not found from another organisation', async () => {
    const packId = await issued('Programme Board, private');
    const stranger = await signInAs(test, (await createUser(test.database.db, { roles: ['admin'] })).user);
    expect((await stranger.get(`/plans/${planId}/reports/packs/${packId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/plans/${planId}/reports/packs/${packId}/files/pdf`)).statusCode).toBe(404);
    expect((await stranger.get(`/plans/${planId}/reports/compare?from=${packId}&to=${packId}`)).statusCode).toBe(404);
    expect((await stranger.post(`/plans/${planId}/reports/packs/${packId}/delete`, { reason: 'x' })).statusCode).toBe(404);
    expect((await stranger.get(`/plans/${planId}/reports/download/csv?audience=Cabinet`)).statusCode).toBe(404);
  });
});

/** A multipart form as a browser sends the template form: fields (a string[] for checkboxes) and an optional logo. */
function multipart(session: Session, url: string, fields: Record<string, string | string[]>, logo?: { name: string; data: Buffer }) {
  const boundary = '----waymark-report-boundary';
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts: Buffer[] = [field('_csrf', session.csrf), ...Object.entries(fields).flatMap(([name, value]) => [value].flat().map((v) => field(name, v)))];
  if (logo) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${logo.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), logo.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
}

describe('report templates', () => {
  const fields = {
    name: 'Quarterly Programme Board', title: 'Housing improvement: progress', introduction: 'Progress on {plan}.', columns: 'Ref\nAction\nStatus\nRAG',
    sections: ['cover', 'summary', 'fullTable'], defaultAudience: 'Programme Board', logoAlt: 'Borsetshire District Council', version: '0',
  };

  it('are for administrators and plan owners only', async () => {
    expect((await viewerSession.get('/reports/templates')).statusCode).toBe(403);
    expect((await multipart(viewerSession, '/reports/templates/new', fields)).statusCode).toBe(403);
    expect((await ownerSession.get('/reports/templates/new')).statusCode).toBe(200);
  });

  it('refuse a logo that is not a PNG or JPEG, whatever its name', async () => {
    const refused = await multipart(adminSession, '/reports/templates/new', fields, { name: 'logo.png', data: Buffer.from('GIF89a not really a png') });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The logo must be a PNG or JPEG image');
    expect(refused.body).toContain('value="Quarterly Programme Board"');
  });

  it('save a template with its logo, which the report then shows', async () => {
    const saved = await multipart(adminSession, '/reports/templates/new', fields, { name: 'crest.png', data: onePixelPng });
    expect(saved.statusCode, saved.body).toBe(303);
    const list = await adminSession.get('/reports/templates');
    expect(list.body).toContain('Quarterly Programme Board');
    const template = await test.database.db.selectFrom('report_templates').where('organisation_id', '=', admin.organisationId).selectAll().executeTakeFirstOrThrow();
    expect(template).toMatchObject({ logo_media_type: 'image/png', logo_width: 1, logo_height: 1, columns: ['Ref', 'Action', 'Status', 'RAG'] });
    const preview = await adminSession.get(`/plans/${planId}/reports/preview?template=${template.id}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('<h1 class="govuk-heading-xl">Housing improvement: progress</h1>');
    expect(preview.body).toContain(`src="data:image/png;base64,${onePixelPng.toString('base64')}" alt="Borsetshire District Council"`);
    const pdf = await adminSession.get(`/plans/${planId}/reports/download/pdf?template=${template.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('-programme-board-');
  });
});
