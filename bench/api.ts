import { createTestApp } from '../test/support/test-app.ts';
import { createUser } from '../test/factories/factories.ts';
import { insertBenchPlan } from './support/bench-plan.ts';
import { measure, printFigures } from './support/measure.ts';

/**
 * Issue 9: on a plan of 2,000 actions in 4 levels with an approved, published update on every action, a page of 100
 * items through the API (anonymous) and the public plan page, p50/p95 over 50 requests.
 * Targets: API page p50 < 20 ms; public plan page p50 < 100 ms. A plan's published items are loaded once per change
 * (the organisation's change stamp, see src/publishing/publication-cache.ts); the "cold" lines show the first request
 * after a change, when they are loaded again.
 */
const actions = Number(process.env.BENCH_ACTIONS ?? 2000);
const test = await createTestApp();
const db = test.database.db;
test.services.api.limits.perMinute = 1_000_000;
const { user, actor } = await createUser(db, { roles: ['admin'] });
const { plan, actionIds } = await insertBenchPlan(db, actor.organisationId, user.id, actions);
const reviewedAt = new Date(Date.now() - 60_000);
for (let start = 0; start < actionIds.length; start += 500) {
  await db
    .insertInto('updates')
    .values(actionIds.slice(start, start + 500).map((itemId, i) => ({
      organisation_id: actor.organisationId, plan_id: plan.id, item_id: itemId, state: 'approved' as const, as_of: '2026-03-31',
      status: i % 5 === 0 ? 'At risk' : 'On target', rag_confirmed: i % 5 === 0 ? ('amber' as const) : ('green' as const), direction: 'same' as const,
      narrative: `Progress on action ${start + i} this quarter: work continues as planned with partners.`, author_name: 'Officer', reviewed_at: reviewedAt, updated_at: reviewedAt,
    })))
    .execute();
}
await db.updateTable('plans').set({ settings: JSON.stringify({ publishing: { published: true, releasedUpTo: new Date().toISOString() } }) }).where('id', '=', plan.id).execute();
const organisation = await db.selectFrom('organisations').where('id', '=', actor.organisationId).select('slug').executeTakeFirstOrThrow();

const apiUrl = `/api/v1/plans/${plan.id}/items?limit=100`;
const first = await test.app.inject({ url: apiUrl });
if (first.statusCode !== 200) throw new Error(`API answered ${first.statusCode}: ${first.body.slice(0, 300)}`);
const next = (JSON.parse(first.body) as { links: { next: string } }).links.next;
const pageUrl = `/public/${organisation.slug}/plans/${plan.id}`;
const check = await test.app.inject({ url: pageUrl });
if (check.statusCode !== 200) throw new Error(`public plan page answered ${check.statusCode}`);

const apiFirst = await measure(() => test.app.inject({ url: apiUrl }), 50);
const apiLater = await measure(() => test.app.inject({ url: next }), 50);
const apiFiltered = await measure(() => test.app.inject({ url: `${apiUrl}&kind=action&q=deliver` }), 50);
const publicPage = await measure(() => test.app.inject({ url: pageUrl }), 50);
const cold = async (url: string) => {
  test.services.api.publication.clearCache();
  return test.app.inject({ url });
};
const apiCold = await measure(() => cold(apiUrl), 10, 1);
const publicCold = await measure(() => cold(pageUrl), 10, 1);
printFigures(`API and public plan page, ${actions} actions (${test.database.kind}); API page ${Math.round(first.body.length / 1024)} KB, public page ${Math.round(check.body.length / 1024)} KB`, [
  { name: 'API: first page of 100 items', ...apiFirst, target: 20 },
  { name: 'API: second page (cursor)', ...apiLater, target: 20 },
  { name: 'API: filtered page', ...apiFiltered, target: 20 },
  { name: 'public plan page', ...publicPage, target: 100 },
  { name: 'API: first page, after a change (cold)', ...apiCold },
  { name: 'public plan page, after a change (cold)', ...publicCold },
]);
await test.close();
