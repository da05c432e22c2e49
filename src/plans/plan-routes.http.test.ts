import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPerson, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

describe('plan pages', () => {
  it('creates a plan, adds a priority, an outcome and two actions with leads and fuzzy dates, and shows them', async () => {
    const db = test.database.db;
    const { user, actor } = await createUser(db, { roles: ['admin'] });
    const lead = await createPerson(db, { organisationId: actor.organisationId, name: 'Director of Corporate Resources' });
    const session = await signInAs(test, user);

    const created = await session.post('/plans/new', { title: 'Improvement Plan 2025', source: 'peer_challenge', sourceDetail: '', status: 'live', levelLabels: 'Priority\nOutcome\nAction', 'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2025', 'periodEnd-day': '', 'periodEnd-month': '', 'periodEnd-year': '' });
    expect(created.statusCode).toBe(303);
    const planUrl = created.headers.location as string;

    const add = async (form: Record<string, string | string[]>) => {
      const response = await session.post(`${planUrl}/items/new`, { ref: '', detail: '', priority: '', targetText: '', resources: '', leadMember: '', parentId: '', ...form });
      expect(response.statusCode, response.body).toBe(303);
      return (response.headers.location as string).split('/').pop() as string;
    };
    const priority = await add({ kind: 'section', ref: 'CP1', title: 'Town Centre' });
    const outcome = await add({ kind: 'outcome', ref: '1', title: 'Regeneration of the town centre', parentId: priority });
    await add({ kind: 'action', ref: '1.1', title: 'Engage consultants', parentId: outcome, targetText: 'Q3 2025/26', leads: lead.id, priority: 'High' });
    await add({ kind: 'action', ref: '1.2', title: 'Consult traders', parentId: outcome, targetText: 'Ongoing', leads: lead.id });

    const page = await session.get(planUrl);
    expect(page.statusCode).toBe(200);
    for (const text of ['Town Centre', 'Regeneration of the town centre', 'Engage consultants', 'Consult traders', 'Q3 2025/26', 'Ongoing', 'Director of Corporate Resources']) {
      expect(page.body).toContain(text);
    }

    const q3 = await db.selectFrom('items').where('ref', '=', '1.1').where('plan_id', '=', planUrl.split('/').pop() as string).selectAll().executeTakeFirstOrThrow();
    expect(q3.target_start).toBe('2025-10-01');
    expect(q3.target_end).toBe('2025-12-31');

    const filtered = await session.get(`${planUrl}?q=consultants`);
    expect(filtered.body).toContain('1 matching item');
    expect(filtered.body).toContain('Engage consultants');
    expect(filtered.body).not.toContain('Consult traders');
  });

  it('sends the page gzipped to a browser that accepts it, the same page as without', async () => {
    const db = test.database.db;
    const { user, actor } = await createUser(db, { roles: ['admin'] });
    const plan = await createPlan(db, { organisationId: actor.organisationId, title: 'Compressed Plan' });
    for (let i = 1; i <= 40; i += 1) await createItem(db, { planId: plan.id, ref: `A${i}`, title: `Action number ${i} – review ’the’ policy` });
    const session = await signInAs(test, user);
    const plain = await session.get(`/plans/${plan.id}`);
    const zipped = await test.app.inject({ method: 'GET', url: `/plans/${plan.id}`, headers: { cookie: session.cookie, 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const opened = gunzipSync(zipped.rawPayload).toString();
    const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');
    expect(withoutNonce(opened)).toBe(withoutNonce(plain.body));
    expect(opened).toContain('Action number 40 – review ’the’ policy');
  });

  it('re-renders the form with an error summary and the typed values when input is bad, and saves nothing', async () => {
    const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const response = await session.post('/plans/new', { title: '', source: 'peer_challenge', status: 'live', sourceDetail: 'Kept text', levelLabels: '', 'periodStart-day': '31', 'periodStart-month': '2', 'periodStart-year': '2025' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Enter a title for the plan');
    expect(response.body).toContain('Start of the plan period must be a real date');
    expect(response.body).toContain('Kept text');
    const plans = await test.database.db.selectFrom('plans').where('organisation_id', '=', actor.organisationId).selectAll().execute();
    expect(plans).toHaveLength(0);
  });

  it('refuses a wrong CSRF token with 403 and changes nothing', async () => {
    const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const response = await session.post('/plans/new', { title: 'Sneaky', source: 'other', status: 'draft' }, { csrf: 'wrong' });
    expect(response.statusCode).toBe(403);
    const plans = await test.database.db.selectFrom('plans').where('organisation_id', '=', actor.organisationId).selectAll().execute();
    expect(plans).toHaveLength(0);
  });

  it('hides another organisation’s plan and items (404) and refuses to change them', async () => {
    const db = test.database.db;
    const other = await createOrganisation(db);
    const plan = await createPlan(db, { organisationId: other.id, title: 'Secret plan' });
    const item = await createItem(db, { planId: plan.id, title: 'Secret action' });
    const { user } = await createUser(db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    for (const url of [`/plans/${plan.id}`, `/plans/${plan.id}/edit`, `/plans/${plan.id}/items/${item.id}`, `/plans/${plan.id}/items/${item.id}/edit`]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Secret');
    }
    const edit = await session.post(`/plans/${plan.id}/items/${item.id}/edit`, { kind: 'action', title: 'Hacked', version: '1' });
    expect(edit.statusCode).toBe(404);
    const del = await session.post(`/plans/${plan.id}/delete`, {});
    expect(del.statusCode).toBe(404);
    expect((await db.selectFrom('items').where('id', '=', item.id).select('title').executeTakeFirstOrThrow()).title).toBe('Secret action');
  });

  it('gives a viewer 403 on changes', async () => {
    const db = test.database.db;
    const { user, actor } = await createUser(db, { roles: ['viewer'] });
    const plan = await createPlan(db, { organisationId: actor.organisationId });
    const session = await signInAs(test, user);
    expect((await session.get(`/plans/${plan.id}`)).statusCode).toBe(200);
    const response = await session.post(`/plans/${plan.id}/items/new`, { kind: 'action', title: 'Not allowed', parentId: '', priority: '', leadMember: '' });
    expect(response.statusCode).toBe(403);
    expect(await db.selectFrom('items').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);
  });
});

describe('councillors who are only members', () => {
  it('are sent to the members’ area and cannot open the officers’ plan pages', async () => {
    const db = test.database.db;
    const { user, actor } = await createUser(db, { roles: ['member'] });
    const plan = await createPlan(db, { organisationId: actor.organisationId, title: 'Internal plan' });
    const session = await signInAs(test, user);
    expect((await session.get('/')).headers.location).toBe('/members');
    for (const url of ['/plans', `/plans/${plan.id}`, '/people']) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.body).not.toContain('Internal plan');
    }
  });
});
