import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { buildPublishingScenario, type PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';
import { callApi } from './api-test-client.test-support.ts';

let test: TestApp;
let scenario: PublishingScenario;
const tokens = { leadWrite: '', leadRead: '', ownerWriteOnly: '' };

beforeAll(async () => {
  test = await createTestApp();
  scenario = await buildPublishingScenario(test.database.db, test.services);
  await scenario.setRules(() => 'public');
  const tokenService = test.services.api.tokens;
  const create: typeof tokenService.create = (actor, input) => tokenService.create(actor, input);
  tokens.leadWrite = (await create(scenario.leadActor, { name: 'Lead’s tool', scopes: ['read', 'write'] })).token;
  tokens.leadRead = (await create(scenario.leadActor, { name: 'Lead’s reader', scopes: ['read'] })).token;
  tokens.ownerWriteOnly = (await create(scenario.ownerActor, { name: 'Writer', scopes: ['write'] })).token;
}, 60_000);
afterAll(async () => test?.close());

/** Rows that any write would add: updates, evidence, audit entries. */
async function writes() {
  const db = test.database.db;
  const count = async (table: 'updates' | 'audit_log' | 'evidence_files') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { updates: await count('updates'), audit: await count('audit_log'), evidence: await count('evidence_files') };
}

const post = (body: unknown, token: string | null = tokens.leadWrite, extra: { rawBody?: string; headers?: Record<string, string> } = {}) =>
  callApi(test, 'createItemUpdate', { params: { planId: scenario.plan.id, itemId: scenario.items.plain.id }, token, body, ...extra });

describe('POST /api/v1/plans/{planId}/items/{itemId}/updates', () => {
  it('lets a lead post an update with a write token, checked as the web form checks it', async () => {
    const before = await writes();
    const answer = await post({ status: 'On target', ragProposed: 'green', direction: 'improving', percentComplete: 40, narrative: '  Calendar drafted  ' });
    expect(answer.status).toBe(201);
    const saved = answer.json as { id: string; state: string; narrative: string };
    expect(saved).toMatchObject({ state: 'submitted', narrative: 'Calendar drafted' });
    const row = await test.database.db.selectFrom('updates').where('id', '=', saved.id).selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_user_id: scenario.lead.id, state: 'submitted', rag_proposed: 'green', percent_complete: 40 });
    expect(await writes()).toEqual({ ...before, updates: before.updates + 1, audit: before.audit + 1 });
    const draft = await post({ status: 'On target', intent: 'draft' });
    expect((draft.json as { state: string }).state).toBe('draft');
  });

  it('refuses bad input with a problem that says what is wrong, and writes nothing', async () => {
    const before = await writes();
    const cases: [Promise<Awaited<ReturnType<typeof post>>>, number, RegExp][] = [
      [post(undefined, tokens.leadWrite, { rawBody: '{"status": "On target",' }), 400, /not valid JSON/],
      [post({ status: 'On target', colour: 'green', author: 'me' }), 400, /Unknown fields: colour, author/],
      [post({ status: 'On target', narrative: 'x'.repeat(70_000) }), 413, /too large/],
      [post(undefined, tokens.leadWrite, { rawBody: 'status=On+target', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, /must be JSON/],
      [post({ status: 'Nearly there' }), 400, /not valid/],
      [post({ status: 'On target', percentComplete: 140 }), 400, /not valid/],
      [post({ status: 'Off target', ragProposed: 'red' }), 400, /not valid/],
      [post([{ status: 'On target' }]), 400, /not valid/],
    ];
    for (const [call, status, title] of cases) {
      const answer = await call;
      const problem = answer.json as { title: string; detail?: string; status: number };
      expect(answer.status, JSON.stringify(problem)).toBe(status);
      expect(`${problem.title} ${problem.detail ?? ''}`).toMatch(title);
      expect(problem.status).toBe(status);
    }
    const unknown = (await post({ status: 'On target', colour: 'green' })).json as { errors: { path: string }[] };
    expect(unknown.errors).toEqual([{ path: 'body.colour', message: 'Unknown field "colour"' }]);
    const corrective = (await post({ status: 'Off target', ragProposed: 'red' })).json as { errors: { path: string }[] };
    expect(corrective.errors.map((e) => e.path)).toEqual(['correctiveAction']);
    expect(await writes()).toEqual(before);
  });

  it('answers 401 for a missing, malformed, unknown or revoked token and 403 for a missing scope or permission', async () => {
    const before = await writes();
    const body = { status: 'On target' };
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'wmk_not-a-real-token')).status).toBe(401);
    const basic = await callApi(test, 'createItemUpdate', { params: { planId: scenario.plan.id, itemId: scenario.items.plain.id }, body, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(basic.response.headers['www-authenticate']).toBe('Bearer realm="waymark"');
    expect(((await post(body, tokens.leadRead)).json as { title: string }).title).toMatch(/scope/);
    expect((await post(body, tokens.leadRead)).status).toBe(403);
    expect((await callApi(test, 'getPlan', { params: { planId: scenario.plan.id }, token: tokens.ownerWriteOnly })).status).toBe(403);
    const notTheirs = await callApi(test, 'createItemUpdate', { params: { planId: scenario.plan.id, itemId: scenario.items.action.id }, token: tokens.leadWrite, body });
    expect(notTheirs.status).toBe(403);
    const { id } = (await test.services.api.tokens.list(scenario.leadActor)).find((t) => t.name === 'Lead’s tool') as { id: string };
    const spare = (await test.services.api.tokens.create(scenario.leadActor, { name: 'Spare', scopes: ['read', 'write'] })).token;
    await test.services.api.tokens.revoke(scenario.leadActor, (await test.services.api.tokens.list(scenario.leadActor)).find((t) => t.name === 'Spare')?.id as string);
    expect((await post(body, spare)).status).toBe(401);
    expect(id).toBeTruthy();
    expect(await writes()).toEqual({ ...before, audit: before.audit + 2 });
  });

  it('keeps only a digest of each token, shows a new token once, and revokes from the tokens page', async () => {
    const session = await signInAs(test, scenario.lead);
    const created = await session.post('/account/api-tokens', { name: 'Website feed', scopes: ['read'] });
    expect(created.statusCode).toBe(200);
    const token = /value="(wmk_[^"]+)"/.exec(created.body)?.[1] ?? '';
    expect(token).toMatch(/^wmk_[\w-]{40,}$/);
    const stored = await test.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    const list = await session.get('/account/api-tokens');
    expect(list.body).toContain('Website feed');
    expect(list.body).not.toContain(token);
    expect((await callApi(test, 'getMe', { token })).json).toMatchObject({ scopes: ['read'], audience: 'internal', user: { id: scenario.lead.id } });
    const row = stored.find((t) => t.name === 'Website feed');
    expect((await session.post(`/account/api-tokens/${row?.id}/revoke`, {})).statusCode).toBe(303);
    expect((await callApi(test, 'getMe', { token })).status).toBe(401);
    const member = await signInAs(test, scenario.member);
    const refused = await member.post('/account/api-tokens', { name: 'Mine', scopes: ['write'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Only lead officers');
  });

  it('limits anonymous callers, not callers with a token', async () => {
    test.services.api.limits.perMinute = 3;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await callApi(test, 'listMeasures', { params: { planId: scenario.plan.id } })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const publicPage = [];
      for (let i = 0; i < 5; i += 1) publicPage.push((await test.app.inject({ url: `/public/${scenario.organisation.slug}` })).statusCode);
      expect(publicPage.slice(3)).toEqual([429, 429]);
      expect((await callApi(test, 'listMeasures', { params: { planId: scenario.plan.id }, token: tokens.leadRead })).status).toBe(200);
    } finally {
      test.services.api.limits.perMinute = 300;
    }
  });

  it('counts requests with a bad token as anonymous ones, so guessing tokens is limited too', async () => {
    test.services.api.limits.perMinute = 3;
    try {
      const params = { planId: scenario.plan.id };
      const bad = [];
      for (let i = 0; i < 3; i += 1) bad.push(await callApi(test, 'listRisks', { params, token: `wmk_guess-${i}` }));
      expect(bad.map((answer) => answer.status)).toEqual([401, 401, 401]);
      const limited = [
        await callApi(test, 'listRisks', { params, token: 'wmk_guess-3' }),
        await callApi(test, 'listRisks', { params, headers: { authorization: 'Basic guess' } }),
        await callApi(test, 'listRisks', { params }),
      ];
      expect(limited.map((answer) => answer.status)).toEqual([429, 429, 429]);
      expect(limited[0]?.json).toMatchObject({ type: 'https://waymark.dev/problems/rate_limited', title: 'Too many requests', status: 429 });
      expect(limited[0]?.response.headers['content-type']).toMatch(/^application\/problem\+json/);
      for (let i = 0; i < 5; i += 1) expect((await callApi(test, 'listRisks', { params, token: tokens.leadRead })).status).toBe(200);
      const elsewhere = await test.app.inject({ url: `/api/v1/plans/${scenario.plan.id}/risks`, headers: { authorization: 'Bearer wmk_guess-4' }, remoteAddress: '203.0.113.9' });
      expect(elsewhere.statusCode).toBe(401);
    } finally {
      test.services.api.limits.perMinute = 300;
    }
  });
});
