import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { createItem } from '../../test/factories/factories.ts';
import { buildPublishingScenario, type PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';
import { callApi, checkAnswer } from './api-test-client.test-support.ts';

let test: TestApp;
let scenario: PublishingScenario;
let officer = '';
let member = '';
const made: string[] = [];

type Page = { data: { id: string; ref?: string; depth?: number; kind: string }[]; total: number; links: { next: string | null } };

beforeAll(async () => {
  test = await createTestApp();
  scenario = await buildPublishingScenario(test.database.db, test.services);
  for (let i = 1; i <= 25; i += 1) {
    const item = await createItem(test.database.db, { planId: scenario.plan.id, parentId: scenario.items.section.id, ref: `S1.${i + 2}`, title: `Generated action ${i}`, position: i + 2, targetText: '1 April 2025', targetEnd: '2025-04-01' });
    made.push(item.id);
  }
  await scenario.setRules((key) => (key === 'priority' ? 'internal' : key === 'resources' ? 'members' : 'public'));
  officer = (await test.services.api.tokens.create(scenario.ownerActor, { name: 'Dashboard', scopes: ['read'] })).token;
  member = (await test.services.api.tokens.create(scenario.memberActor, { name: 'Councillor app', scopes: ['read'] })).token;
}, 60_000);
afterAll(async () => test?.close());

const planId = () => scenario.plan.id;

async function allPages(query: Record<string, string>, token: string | null = null): Promise<Page['data']> {
  const out: Page['data'] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n += 1) {
    const answer = await callApi(test, 'listItems', { params: { planId: planId() }, query: { ...query, ...(cursor ? { cursor } : {}) }, token });
    expect(answer.status).toBe(200);
    const page = answer.json as Page;
    out.push(...page.data);
    if (!page.links.next) break;
    cursor = new URL(page.links.next, 'http://x').searchParams.get('cursor');
  }
  return out;
}

describe('reading through /api/v1', () => {
  it('pages through every item once, in the printed plan’s order, with opaque cursors', async () => {
    const items = await allPages({ limit: '4' });
    expect(items.map((i) => i.ref)).toEqual(['S1', 'REFSENT1', 'S1.2', ...made.map((_id, i) => `S1.${i + 3}`)]);
    expect(new Set(items.map((i) => i.id)).size).toBe(28);
    const first = (await callApi(test, 'listItems', { params: { planId: planId() }, query: { limit: '4' } })).json as Page;
    expect(first.total).toBe(28);
    expect(first.links.next).toMatch(/^\/api\/v1\/plans\/[\w-]+\/items\?limit=4&cursor=[\w-]+\.[\w-]+$/);
  });

  it('refuses a bad, tampered or foreign cursor, a bad limit and unknown parameters with a 400 problem', async () => {
    const first = (await callApi(test, 'listItems', { params: { planId: planId() }, query: { limit: '2' } })).json as Page;
    const cursor = new URL(first.links.next ?? '', 'http://x').searchParams.get('cursor') ?? '';
    const [body, signature] = cursor.split('.') as [string, string];
    const tampered = `${Buffer.from(Buffer.from(body, 'base64url').toString().replace(/"key":"/, '"key":"9')).toString('base64url')}.${signature}`;
    const updatesCursor = new URL(((await callApi(test, 'listUpdates', { params: { planId: planId() }, query: { limit: '1' }, token: officer })).json as Page).links.next ?? '', 'http://x').searchParams.get('cursor') ?? '';
    const bad: Record<string, string>[] = [{ cursor: 'nonsense' }, { cursor: tampered }, { cursor: updatesCursor }, { limit: '0' }, { limit: '500' }, { colour: 'red' }, { overdue: 'maybe' }];
    for (const query of bad) {
      const answer = await callApi(test, 'listItems', { params: { planId: planId() }, query });
      expect(answer.status, JSON.stringify(query)).toBe(400);
    }
    expect(((await callApi(test, 'listItems', { params: { planId: planId() }, query: { colour: 'red' } })).json as { detail: string }).detail).toBe('Unknown parameter: colour');
    expect(((await callApi(test, 'listItems', { params: { planId: planId() }, query: { cursor: 'nonsense' } })).json as { title: string }).title).toMatch(/cursor is not valid/);
  });

  it('filters as the plan page does, only on fields the caller may see', async () => {
    expect((await allPages({ kind: 'section' })).map((i) => i.ref)).toEqual(['S1']);
    expect((await allPages({ q: 'Calendar  committee' })).map((i) => i.ref)).toEqual(['S1.2']);
    expect((await allPages({ q: 'generated s1.2' })).map((i) => i.ref)).toEqual(['S1.20', 'S1.21', 'S1.22', 'S1.23', 'S1.24', 'S1.25', 'S1.26', 'S1.27']);
    expect((await allPages({ lead: 'leadsent officer' })).map((i) => i.ref)).toEqual(['REFSENT1']);
    expect((await allPages({ overdue: 'yes' })).length).toBe(25);
    const hidden = await callApi(test, 'listItems', { params: { planId: planId() }, query: { priority: 'PRIOSENT' } });
    expect(hidden.status).toBe(400);
    expect((await allPages({ priority: 'PRIOSENT' }, officer)).map((i) => i.ref)).toEqual(['REFSENT1']);
  });

  it('gives the tree, whole, below a root, or pruned to the matches and the items above them', async () => {
    const tree = (await callApi(test, 'getItemTree', { params: { planId: planId() } })).json as { data: { ref: string; children: { ref: string }[] }[] };
    expect(tree.data.map((n) => n.ref)).toEqual(['S1']);
    expect(tree.data[0]?.children.length).toBe(27);
    const pruned = (await callApi(test, 'getItemTree', { params: { planId: planId() }, query: { q: 'calendar' } })).json as { data: { ref: string; matched: boolean; children: { ref: string; matched: boolean }[] }[] };
    expect(pruned.data).toMatchObject([{ ref: 'S1', matched: false, children: [{ ref: 'S1.2', matched: true }] }]);
    expect(((await callApi(test, 'getItemTree', { params: { planId: planId() }, query: { root: scenario.items.plain.id } })).json as { data: { ref: string }[] }).data.map((n) => n.ref)).toEqual(['S1.2']);
  });

  it('answers 304 to If-None-Match and a new ETag after a change', async () => {
    const first = await callApi(test, 'getItem', { params: { planId: planId(), itemId: scenario.items.action.id } });
    const etag = String(first.response.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await callApi(test, 'getItem', { params: { planId: planId(), itemId: scenario.items.action.id }, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await test.services.api.publishing.publishNow(scenario.ownerActor, planId());
    const changed = await callApi(test, 'getItem', { params: { planId: planId(), itemId: scenario.items.action.id }, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.response.body).toContain('LATESENT');
    expect(changed.response.headers.etag).not.toBe(etag);
  });

  it('shapes data for the caller: public, members’ fields with a member’s token, everything for officers', async () => {
    const fields = async (token: string | null) => Object.keys(((await callApi(test, 'getItem', { params: { planId: planId(), itemId: scenario.items.action.id }, token })).json as { data: object }).data);
    expect(await fields(null)).not.toContain('resources');
    expect(await fields(member)).toContain('resources');
    expect(await fields(member)).not.toContain('priority');
    expect(await fields(officer)).toContain('priority');
    const plans = (await callApi(test, 'listPlans', { token: officer })).json as { data: { title: string; published: boolean; audience: string }[] };
    expect(plans.data.map((p) => [p.title, p.published, p.audience]).sort()).toEqual([['HIDDENPLANSENT', false, 'internal'], ['Published improvement plan', true, 'internal']]);
    expect(((await callApi(test, 'listPlans', { token: member })).json as { data: unknown[] }).data).toHaveLength(1);
    expect((await callApi(test, 'listPlans')).status).toBe(400);
    expect((await callApi(test, 'listPlans', { query: { organisation: 'no-such-council' } })).status).toBe(404);
    expect((await callApi(test, 'getPlan', { params: { planId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    expect((await callApi(test, 'getPlan', { params: { planId: 'not-a-uuid' } })).status).toBe(404);
    expect((await callApi(test, 'getMe')).status).toBe(401);
  });

  it('lists issued report packs for officers only', async () => {
    await test.database.db.insertInto('report_packs').values({
      organisation_id: scenario.plan.organisation_id, plan_id: planId(), plan_ids: [planId()], title: 'Cabinet, March', note: null, audience: 'cabinet', as_at: '2026-03-31',
      options: '{}', model: '{}', issued_by_user_id: null, issued_by_name: 'Plan Owner',
    }).execute();
    const packs = await callApi(test, 'listReportPacks', { params: { planId: planId() }, token: officer });
    expect(packs.json).toMatchObject({ data: [{ title: 'Cabinet, March', asAt: '2026-03-31', issuedBy: 'Plan Owner' }] });
    expect((await callApi(test, 'listReportPacks', { params: { planId: planId() }, token: member })).status).toBe(403);
    expect((await callApi(test, 'listReportPacks', { params: { planId: planId() } })).status).toBe(401);
  });

  it('serves the OpenAPI document it validates against, and a docs page naming every operation', async () => {
    const response = await test.app.inject({ url: '/api/v1/openapi.json' });
    const served = JSON.parse(response.body) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(served.openapi).toBe('3.1.0');
    const docs = await test.app.inject({ url: '/api/v1/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    for (const [path, methods] of Object.entries(served.paths)) {
      for (const method of Object.keys(methods)) expect(docs.body).toContain(`${method.toUpperCase()} ${path}`);
    }
    const missing = await test.app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect(checkAnswer('getPlan', await test.app.inject({ url: `/api/v1/plans/${planId()}` })).status).toBe(200);
  });
});
