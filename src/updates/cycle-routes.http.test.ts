import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

const cycleForm = (values: Record<string, string> = {}) => ({ name: 'Reports to Audit Committee', frequency: 'custom', dueDays: '5', reminderDays: '3', periodEnds: '', ...values });

async function setting() {
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['plan_owner'] });
  const plan = await createPlan(db, { organisationId: owner.actor.organisationId, ownerUserId: owner.user.id, periodStart: '2026-04-01', periodEnd: '2027-03-31' });
  const periods = () => db.selectFrom('periods').where('plan_id', '=', plan.id).orderBy('period_start').select(['label', 'period_start', 'period_end', 'due_date']).execute();
  return { plan, periods, session: await signInAs(test, owner.user) };
}

describe('reporting cycles on dates the plan owner chooses', () => {
  it('makes a period ending on each date given', async () => {
    const { plan, periods, session } = await setting();
    const response = await session.post(`/plans/${plan.id}/cycles`, cycleForm({ periodEnds: '12/06/2026\r\n18 September 2026\r\n\r\n15/01/2027' }));
    expect(response.statusCode, response.body).toBe(303);
    expect(await periods()).toEqual([
      { label: 'Period to 12 June 2026', period_start: '2026-04-01', period_end: '2026-06-12', due_date: '2026-06-17' },
      { label: 'Period to 18 September 2026', period_start: '2026-06-13', period_end: '2026-09-18', due_date: '2026-09-23' },
      { label: 'Period to 15 January 2027', period_start: '2026-09-19', period_end: '2027-01-15', due_date: '2027-01-20' },
    ]);
    expect((await session.get(`/plans/${plan.id}/cycles`)).body).toContain('Period to 18 September 2026');
  });

  it('names the line that is not a date, or out of order, keeps what was typed, and saves nothing', async () => {
    const { plan, periods, session } = await setting();
    const cases: [string, string][] = [
      ['', 'Enter the date each reporting period ends, one per line'],
      ['12/06/2026\nsoon after the election', 'Line 2 of the period end dates, “soon after the election”, is not a date: enter dates like 30/09/2026'],
      ['18/09/2026\n12/06/2026', 'Line 2 of the period end dates, “12/06/2026”, must be later than the line before'],
      ['June 2026', 'Line 1 of the period end dates, “June 2026”, is not a date: enter dates like 30/09/2026'],
    ];
    for (const [periodEnds, message] of cases) {
      const response = await session.post(`/plans/${plan.id}/cycles`, cycleForm({ periodEnds }));
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain(message);
      if (periodEnds) expect(response.body).toContain(periodEnds.split('\n')[0]);
    }
    expect(await periods()).toEqual([]);
    expect(await test.database.db.selectFrom('reporting_cycles').where('plan_id', '=', plan.id).selectAll().execute()).toEqual([]);
  });
});
