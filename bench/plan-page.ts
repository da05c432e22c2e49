import { createTestApp, signInAs } from '../test/support/test-app.ts';
import { createUser } from '../test/factories/factories.ts';
import { insertBenchPlan } from './support/bench-plan.ts';
import { measure, printFigures } from './support/measure.ts';

/** Issue 3: the plan page for a plan of 2,000 actions in 4 levels, p50/p95 over 50 requests. Target p50 < 100 ms. */
const actions = Number(process.env.BENCH_ACTIONS ?? 2000);
const test = await createTestApp();
const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
const { plan } = await insertBenchPlan(test.database.db, actor.organisationId, user.id, actions);
const session = await signInAs(test, user);
const check = await session.get(`/plans/${plan.id}`);
if (check.statusCode !== 200) throw new Error(`plan page answered ${check.statusCode}`);
const page = await measure(() => session.get(`/plans/${plan.id}`), 50);
const filtered = await measure(() => session.get(`/plans/${plan.id}?priority=High&q=deliver`), 50);
// After any change (every write adds an audit entry) the page is built afresh: the cold figure.
const afterChange = await measure(async () => {
  await test.database.db.insertInto('audit_log').values({ organisation_id: actor.organisationId, user_id: user.id, user_name: 'bench', plan_id: plan.id, entity_type: 'bench', entity_id: plan.id, action: 'touch', before: null, after: null }).execute();
  return session.get(`/plans/${plan.id}`);
}, 20);
printFigures(`Plan page, ${actions} actions (${test.database.kind}), ${Math.round(check.body.length / 1024)} KB of HTML`, [
  { name: 'plan page', ...page, target: 100 },
  { name: 'filtered plan page', ...filtered, target: 100 },
  { name: 'plan page after a change (uncached)', ...afterChange },
]);
await test.close();
