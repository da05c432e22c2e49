import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format, parse } from 'date-fns';
import { sql } from 'kysely';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createOrganisation, createPlan, createUser } from '../../test/factories/factories.ts';
import { svgElements } from './domain/svg-elements.test-support.ts';
import { insertSeed003Plan } from './seed-003-plan.test-support.ts';
import { readFileSync } from 'node:fs';
import { seedPath } from '../imports/interpret/test-seeds.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

/** The HTML of an item's row in the timeline table. */
function rowOf(html: string, itemId: string): string {
  const match = new RegExp(`<tr[^>]*><th scope="row"[^>]*><a class="govuk-link" href="/plans/[^"]+/items/${itemId}">[\\s\\S]*?</tr>`).exec(html);
  if (!match) throw new Error(`no row for ${itemId}`);
  return match[0];
}

const headersOf = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([^<]+)/g)].map((m) => m[1]?.trim());

async function seed003() {
  const db = test.database.db;
  const organisation = await createOrganisation(db, { fyStartMonth: 7 });
  const owner = await createUser(db, { organisationId: organisation.id, roles: ['admin'] });
  const seeded = await insertSeed003Plan(db, organisation.id, owner.user.id, owner.person ? [owner.person.id] : []);
  return { owner, session: await signInAs(test, owner.user), ...seeded };
}

describe('the timeline page', () => {
  it('gives seed 003, imported as it is in an April–March council, the July–June grid of its month columns', async () => {
    const db = test.database.db;
    const owner = await createUser(db, { roles: ['admin'] });
    const imported = await test.services.imports.importFile(owner.actor, '003.txt', readFileSync(seedPath('003')));
    expect(await db.selectFrom('plans').where('id', '=', imported.planId).select(['period_start', 'period_end']).executeTakeFirstOrThrow()).toEqual({ period_start: '2007-07-01', period_end: '2008-06-30' });
    const page = await (await signInAs(test, owner.user)).get(`/plans/${imported.planId}/timeline`);
    expect(page.statusCode).toBe(200);
    expect(headersOf(page.body).slice(5)).toEqual(['Jul 2007', 'Aug 2007', 'Sep 2007', 'Oct 2007', 'Nov 2007', 'Dec 2007', 'Jan 2008', 'Feb 2008', 'Mar 2008', 'Apr 2008', 'May 2008', 'Jun 2008']);
    const action = await db.selectFrom('items').where('plan_id', '=', imported.planId).where('kind', '=', 'action').where(sql<boolean>`cardinality(planned_months) > 0`).select(['id', 'planned_months']).executeTakeFirstOrThrow();
    const marked = [...rowOf(page.body, action.id).matchAll(/<td[^>]*>(.*?)<\/td>/g)].slice(4).map((m) => Boolean(m[1]?.includes('Planned')));
    const months = headersOf(page.body).slice(5).map((label) => format(parse(label ?? '', 'MMM yyyy', new Date()), 'yyyy-MM'));
    expect(months.filter((_, index) => marked[index])).toEqual(action.planned_months);
  });

  it('shows seed 003’s months on a July–June grid, each cell in words, grouped by the plan’s hierarchy', async () => {
    const { session, plan, actions } = await seed003();
    const page = await session.get(`/plans/${plan.id}/timeline`);
    expect(page.statusCode).toBe(200);
    expect(headersOf(page.body)).toEqual(['Item', 'Lead', 'Status', 'Dates', 'Depends on', 'Jul 2007', 'Aug 2007', 'Sep 2007', 'Oct 2007', 'Nov 2007', 'Dec 2007', 'Jan 2008', 'Feb 2008', 'Mar 2008', 'Apr 2008', 'May 2008', 'Jun 2008']);
    const cells = (itemId: string) => [...rowOf(page.body, itemId).matchAll(/<td[^>]*>(.*?)<\/td>/g)].slice(4).map((m) => (m[1]?.includes('Planned') ? '■' : ''));
    expect(cells(actions['7.1.1']!)).toEqual(['■', '■', '■', '■', '■', '', '', '', '', '', '', '']);
    expect(cells(actions['7.1.3']!)).toEqual(['■', '', '', '■', '', '', '', '■', '', '', '', '■']);
    expect(page.body).toContain('aria-current="page">Timeline');
    expect(page.body).toContain(`<img src="/plans/${plan.id}/timeline.svg" width=`);
    expect(page.body).toContain(`href="/plans/${plan.id}/timeline.svg?download=1"`);
    const order = ['CP7 Community Influence', '7 Better neighbourhoods', '7.1 % Increase', '7.1.1 Capacity', '7.1.5 Deliver plan.'].map((text) => page.body.indexOf(`">${text}`));
    expect(order.every((position, index) => position > 0 && (index === 0 || position > (order[index - 1] ?? 0)))).toBe(true);
  });

  it('zooms by quarter and by week through links, and keeps the filters', async () => {
    const { session, plan, actions } = await seed003();
    const quarters = await session.get(`/plans/${plan.id}/timeline?zoom=quarter&q=7.1.1`);
    expect(headersOf(quarters.body).slice(5)).toEqual(['Q1 2007/08', 'Q2 2007/08', 'Q3 2007/08', 'Q4 2007/08']);
    expect(quarters.body).toContain(`href="/plans/${plan.id}/timeline?q=7.1.1"`);
    expect(quarters.body).toContain(actions['7.1.1']);
    expect(quarters.body).not.toContain(actions['7.1.2']);
    const weeks = await session.get(`/plans/${plan.id}/timeline?zoom=week`);
    expect(headersOf(weeks.body)[5]).toBe('w/c 25 Jun 2007');
    expect(headersOf(weeks.body).length).toBeGreaterThan(55);
  });

  it('uses an April–March year, marks today, and shows a lead their own actions', async () => {
    const db = test.database.db;
    const { user, actor, person } = await createUser(db, { roles: ['lead'] });
    const today = new Date();
    const year = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
    const plan = await createPlan(db, { organisationId: actor.organisationId, periodStart: `${year}-04-01`, periodEnd: `${year + 1}-03-31` });
    const mine = await createItem(db, { planId: plan.id, ref: '1', title: 'Mine', leadPersonIds: [person!.id] });
    const theirs = await createItem(db, { planId: plan.id, ref: '2', title: 'Theirs' });
    const session = await signInAs(test, user);
    const page = await session.get(`/plans/${plan.id}/timeline`);
    expect(headersOf(page.body)[5]).toBe(`Apr ${year}`);
    expect(headersOf(page.body).at(-1)).toBe(`Mar ${year + 1}`);
    expect(page.body.match(/<span class="tl-today">\(today\)<\/span>/g)).toHaveLength(1);
    expect((await session.get(`/plans/${plan.id}/timeline.svg`)).body).toContain('>Today</text>');
    const own = await session.get(`/plans/${plan.id}/timeline?mine=1`);
    expect(own.body).toContain(mine.id);
    expect(own.body).not.toContain(theirs.id);
    expect(own.body).toContain('Only the actions I lead');
  });

  it('exports the chart as a well-formed SVG, and as PNG when the server can draw one', async () => {
    const { session, plan } = await seed003();
    const svg = await session.get(`/plans/${plan.id}/timeline.svg?zoom=quarter&download=1`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.headers['content-disposition']).toBe('attachment; filename="Improvement-Plan-200708-Update-timeline.svg"');
    expect((await session.get(`/plans/${plan.id}/timeline.svg`)).headers['content-disposition']).toMatch(/^inline;/);
    const texts = svgElements(svg.body.replace(/^<\?xml[^>]*>\s*/, '')).map((element) => element.text);
    expect(texts).toContain('Q1');
    expect(texts.some((text) => text.includes('7.1.1 Capacity Building'))).toBe(true);
    const png = await session.get(`/plans/${plan.id}/timeline.png`);
    if (png.statusCode === 200) {
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    } else {
      expect(png.statusCode).toBe(501);
      expect(png.body).toContain('Download it as SVG instead');
    }
  });

  it('hides another organisation’s plan (404) on every timeline address', async () => {
    const db = test.database.db;
    const plan = await createPlan(db, { organisationId: (await createOrganisation(db)).id, title: 'Secret plan' });
    const { user } = await createUser(db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    for (const url of [`/plans/${plan.id}/timeline`, `/plans/${plan.id}/timeline.svg`, `/plans/${plan.id}/timeline.png`, `/plans/${plan.id}/knock-on`]) {
      const response = await session.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Secret');
    }
  });
});
