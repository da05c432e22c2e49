import { format, subDays } from 'date-fns';
import { createTestApp, signInAs } from '../test/support/test-app.ts';
import { createUser } from '../test/factories/factories.ts';
import type { UpdateForm } from '../src/updates/update-form.ts';
import { insertBenchPlan } from './support/bench-plan.ts';
import { measure, printFigures } from './support/measure.ts';

/**
 * Issue 5 on a plan of 2,000 actions with a quarterly cycle and 200 approved updates (20 with revised dates):
 * submitting an update (the service call, server time only) p50 < 20 ms; the plan page as at yesterday p50 < 150 ms.
 */
const actions = Number(process.env.BENCH_ACTIONS ?? 2000);
const test = await createTestApp();
const { user, actor } = await createUser(test.database.db, { roles: ['admin', 'reviewer'] });
const { plan, actionIds } = await insertBenchPlan(test.database.db, actor.organisationId, user.id, actions);
await test.services.cycles.createCycle(actor, plan.id, { name: 'Quarterly report', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });

const form = (i: number): UpdateForm => ({
  status: i % 4 === 0 ? 'At risk' : 'On target',
  ragProposed: i % 4 === 0 ? 'amber' : 'green',
  direction: 'same',
  percentComplete: null,
  narrative: `Progress this quarter on action ${i}: the work is on track and partners are engaged.`,
  correctiveAction: null,
  revisedTargetText: i % 10 === 0 ? '31/03/2027' : null,
  revisionReason: i % 10 === 0 ? 'Waiting for the partner’s board to meet' : null,
  intent: 'submit',
});
for (let i = 0; i < 200; i += 1) {
  const update = await test.services.updates.saveUpdate(actor, plan.id, actionIds[i]!, form(i));
  await test.services.updates.review(actor, update.id, { decision: 'approve', ragConfirmed: update.rag_proposed, comment: null });
}

let next = 200;
const submit = await measure(() => test.services.updates.saveUpdate(actor, plan.id, actionIds[next++ % actionIds.length]!, form(next)), 100, 5);

const session = await signInAs(test, user);
const asAtUrl = `/plans/${plan.id}?asAt=${format(subDays(new Date(), 1), 'yyyy-MM-dd')}`;
const check = await session.get(asAtUrl);
if (check.statusCode !== 200 || !check.body.includes('Showing the plan as it was at the end of')) throw new Error(`as-at plan page answered ${check.statusCode}`);
const asAt = await measure(() => session.get(asAtUrl), 50);

printFigures(`Update cycle, ${actions} actions (${test.database.kind}), as-at page ${Math.round(check.body.length / 1024)} KB of HTML`, [
  { name: 'submit an update (service)', ...submit, target: 20 },
  { name: 'plan page as at yesterday', ...asAt, target: 150 },
]);
await test.close();
