import { expect } from 'vitest';
import type { TestApp, Session } from '../../test/support/test-app.ts';
import type { PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';
import { callApi } from '../api/api-test-client.test-support.ts';

/**
 * Everything a member or a member of the public can get about the scenario's organisation, as one string: every
 * page (following "next" links), every open-data file, every API read operation (following links.next), and for
 * members the follow e-mails. Every API answer is validated against the OpenAPI document on the way.
 */

async function page(get: (url: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>, url: string): Promise<string> {
  const response = await get(url);
  expect(response.statusCode, `${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.body;
}

async function planPages(get: Parameters<typeof page>[0], first: string): Promise<string[]> {
  const out: string[] = [];
  let url: string | null = first;
  while (url && out.length < 50) {
    const html: string = await page(get, url);
    out.push(html);
    const next: string | undefined = /href="(\?[^"]*cursor=[^"#]*)#items" rel="next"/.exec(html)?.[1];
    url = next ? `${first.split('?')[0]}${next.replace(/&amp;/g, '&')}` : null;
  }
  return out;
}

async function apiSurfaces(test: TestApp, scenario: PublishingScenario, token: string | null): Promise<string[]> {
  const planId = scenario.plan.id;
  const out: string[] = [];
  const read = async (opId: string, call: Parameters<typeof callApi>[2]) => {
    const answer = await callApi(test, opId, { ...call, token });
    expect(answer.status, `${opId} ${JSON.stringify(call)}`).toBe(200);
    out.push(answer.response.body);
    return answer.json as { links?: { next: string | null } };
  };
  await read('listPlans', { query: { organisation: scenario.organisation.slug } });
  await read('getPlan', { params: { planId } });
  for (let cursor: string | null = null, n = 0; n < 20; n += 1) {
    const json = await read('listItems', { params: { planId }, query: { limit: '2', ...(cursor ? { cursor } : {}) } });
    const next = json.links?.next ?? null;
    if (!next) break;
    cursor = new URL(next, 'http://x').searchParams.get('cursor');
  }
  await read('getItemTree', { params: { planId } });
  for (const itemId of Object.values(scenario.items).map((item) => item.id)) {
    await read('getItem', { params: { planId, itemId } });
    await read('listItemUpdates', { params: { planId, itemId } });
  }
  await read('listUpdates', { params: { planId } });
  await read('listMeasures', { params: { planId } });
  await read('listRisks', { params: { planId } });
  return out;
}

export async function publicText(test: TestApp, scenario: PublishingScenario): Promise<string> {
  const get = (url: string) => test.app.inject({ url });
  const base = `/public/${scenario.organisation.slug}`;
  const parts = [
    await page(get, base),
    ...(await planPages(get, `${base}/plans/${scenario.plan.id}`)),
    ...(await Promise.all(Object.values(scenario.items).map((item) => page(get, `${base}/plans/${scenario.plan.id}/items/${item.id}`)))),
    ...(await Promise.all(['open-data.json', 'actions.csv', 'updates.csv'].flatMap((file) => [page(get, `${base}/${file}`), page(get, `${base}/plans/${scenario.plan.id}/${file}`)]))),
    ...(await apiSurfaces(test, scenario, null)),
  ];
  expect((await get(`${base}/plans/${scenario.hiddenPlan.id}`)).statusCode).toBe(404);
  expect((await callApi(test, 'getPlan', { params: { planId: scenario.hiddenPlan.id } })).status).toBe(404);
  return parts.join('\n');
}

export async function memberText(test: TestApp, scenario: PublishingScenario, session: Session, token: string, mails: () => Promise<string>): Promise<string> {
  const get = (url: string) => session.get(url);
  const parts = [
    await page(get, '/members'),
    ...(await planPages(get, `/members/plans/${scenario.plan.id}`)),
    ...(await Promise.all(Object.values(scenario.items).map((item) => page(get, `/members/plans/${scenario.plan.id}/items/${item.id}`)))),
    ...(await apiSurfaces(test, scenario, token)),
    await mails(),
  ];
  expect((await get(`/members/plans/${scenario.hiddenPlan.id}`)).statusCode).toBe(404);
  expect((await callApi(test, 'getPlan', { params: { planId: scenario.hiddenPlan.id }, token })).status).toBe(404);
  return parts.join('\n');
}
