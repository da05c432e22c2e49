import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { refKey } from '../items/ref-key.ts';
import { buildPublishingScenario, type PublishingScenario } from '../publishing/publishing-scenario.test-support.ts';

let test: TestApp;
let scenario: PublishingScenario;
const get = (url: string) => test.app.inject({ url });

beforeAll(async () => {
  test = await createTestApp();
  scenario = await buildPublishingScenario(test.database.db, test.services);
  const db = test.database.db;
  await db.insertInto('items').values(Array.from({ length: 110 }, (_, i) => ({
    organisation_id: scenario.plan.organisation_id, plan_id: scenario.plan.id, parent_id: scenario.items.section.id, position: 10 + i, kind: 'milestone' as const,
    ref: `S1.M${i + 1}`, ref_key: refKey(`S1.M${i + 1}`), title: `Milestone ${i + 1}`, detail: null, priority: null, corporate_priorities: [], target_text: null, target_start: null,
    target_end: null, target_precision: 'unknown', planned_months: [], resources: null, custom_values: '{}', updated_at: new Date(),
  }))).execute();
  await scenario.setRules((key) => (key === 'evidence' ? 'public' : key === 'leads' ? 'internal' : 'public'));
}, 60_000);
afterAll(async () => test?.close());

describe('the public pages', () => {
  it('list an organisation’s published plans only, at a stable address', async () => {
    const page = await get(`/public/${scenario.organisation.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/public/${scenario.organisation.slug}/plans/${scenario.plan.id}"`);
    expect(page.body).not.toContain('HIDDENPLANSENT');
    expect((await get('/public/no-such-council')).statusCode).toBe(404);
    expect((await get('/public/NOT..A..SLUG')).statusCode).toBe(404);
  });

  it('show a plan’s progress summary and its items a page at a time, with the filters its rules allow', async () => {
    const base = `/public/${scenario.organisation.slug}/plans/${scenario.plan.id}`;
    const first = await get(base);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('113 items.');
    expect(first.body).toMatch(/Actions by RAG rating[\s\S]*Amber[\s\S]*>1<\/td>/);
    expect(first.body).not.toContain('Lead officer’s name');
    const next = /href="(\?cursor=[^"#]+)#items" rel="next"/.exec(first.body)?.[1];
    expect(next).toBeDefined();
    const second = await get(`${base}${next}`);
    expect(second.body).toContain('Milestone 110');
    expect(second.body).not.toContain('Milestone 90<');
    expect(second.body).not.toContain('rel="next"');
    const filtered = await get(`${base}?q=milestone+10&kind=milestone`);
    expect(filtered.body).toContain('Milestone 100');
    expect(filtered.body).not.toContain('TITLESENT');
    expect((await get(`${base}?cursor=forged`)).statusCode).toBe(400);
  });

  it('show an action’s published fields and the history of its published updates, newest first', async () => {
    const page = await get(`/public/${scenario.organisation.slug}/plans/${scenario.plan.id}/items/${scenario.items.action.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body.indexOf('RELEASEDSENT')).toBeLessThan(page.body.indexOf('NARRATIVESENT'));
    const link = /href="([^"]+\/evidence\/[^"]+)">EVIDENCESENT.pdf/.exec(page.body)?.[1] ?? '';
    const file = await get(link);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="EVIDENCESENT.pdf"');
    await scenario.setRules((key) => (key === 'evidence' ? 'members' : 'public'));
    expect((await get(link)).statusCode).toBe(404);
  });

  it('offer open data as JSON and CSV with the licence and when it was made', async () => {
    await scenario.setRules((key) => (key === 'leads' ? 'members' : 'public'));
    const base = `/public/${scenario.organisation.slug}`;
    const json = await get(`${base}/plans/${scenario.plan.id}/open-data.json`);
    const data = JSON.parse(json.body) as { licence: { name: string }; generatedAt: string; plans: { items: { ref: string; updates: unknown[] }[] }[] };
    expect(data.licence.name).toBe('Open Government Licence v3.0');
    expect(Date.parse(data.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.plans[0]?.items.find((i) => i.ref === 'REFSENT1')?.updates).toHaveLength(2);
    expect(json.headers.link).toBe('<https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>; rel="license"');
    const csv = await get(`${base}/actions.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse<Record<string, string>>(csv.body, { columns: true });
    expect(rows).toHaveLength(113);
    expect(rows[1]).toMatchObject({ ref: 'REFSENT1', title: 'TITLESENT action', narrative: 'RELEASEDSENT', licence: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' });
    expect(rows[1]?.generated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Object.keys(rows[1] ?? {})).not.toContain('lead_officers');
    const updates = parse<Record<string, string>>((await get(`${base}/plans/${scenario.plan.id}/updates.csv`)).body, { columns: true });
    expect(updates.map((u) => u.narrative)).toEqual(['RELEASEDSENT', 'NARRATIVESENT']);
  });

  it('disappear when the plan is unpublished', async () => {
    await scenario.setRules(() => 'public', false);
    expect((await get(`/public/${scenario.organisation.slug}/plans/${scenario.plan.id}`)).statusCode).toBe(404);
    expect((await get(`/public/${scenario.organisation.slug}`)).body).not.toContain(scenario.plan.id);
    expect((JSON.parse((await get(`/public/${scenario.organisation.slug}/open-data.json`)).body) as { plans: unknown[] }).plans).toEqual([]);
  });
});
