import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const plan = await createPlan(db, { organisationId: admin.actor.organisationId, ownerUserId: admin.user.id });
  return { db, admin, plan, session: await signInAs(test, admin.user) };
}

describe('wider implications', () => {
  it('saves the sections of seed 002’s table, refuses an amount that is not in pounds, and shows them', async () => {
    const { plan, session, admin } = await setting();
    const form = {
      financial: 'A £200,000 estimated contingency budget has been included for 2017/18 onwards.',
      financialAmount: '£200,000',
      legal: 'The proposals will enable progress to be made with the Annual Governance Statement.',
      risk: 'The Programme Board is developing a risk register which it will monitor monthly.',
      equality: 'There are no adverse impacts on equality issues',
      hr: 'There may be some re-prioritisation of activities.',
      climate: '',
      otherHeading: 'Health and safety',
      other: 'None.',
    };
    const bad = await session.post(`/plans/${plan.id}/implications/edit`, { ...form, financialAmount: 'two hundred grand' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Amount must be in pounds, like 200000 or £200,000.50');
    expect(await test.database.db.selectFrom('plan_implications').where('plan_id', '=', plan.id).selectAll().execute()).toHaveLength(0);

    expect((await session.post(`/plans/${plan.id}/implications/edit`, form)).statusCode).toBe(303);
    const page = await session.get(`/plans/${plan.id}/implications`);
    expect(page.body).toContain('Amount: £200,000');
    expect(page.body).toContain('Other: Health and safety');
    expect(page.body).toContain('Not recorded: climate and sustainability.');
    const forReports = await test.services.measures.implicationsFor(admin.actor, plan.id);
    expect(forReports.map((implication) => [implication.category, implication.amount])).toEqual([
      ['financial', 200000],
      ['legal', null],
      ['risk', null],
      ['equality', null],
      ['hr', null],
      ['other', null],
    ]);
  });
});
