import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../../test/factories/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import type { ReportRequest } from '../build/report-request.ts';
import { reportRequest } from '../reports.test-support.ts';
import { storePack } from './pack-issue.ts';

let test: TestApp;
let admin: Actor;
let housing: string;
let finance: string;

async function issue(title: string, request: ReportRequest): Promise<void> {
  await storePack(test.database.db, admin, await test.services.reports.build(admin, request), request, { title, note: null });
}

async function previousOf(request: ReportRequest) {
  const { model } = await test.services.reports.build(admin, request);
  return { since: model.changes?.sinceTitle ?? null, closed: model.changes?.entries.filter((entry) => entry.kind === 'closed').length ?? 0 };
}

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  ({ actor: admin } = await createUser(db, { roles: ['admin'] }));
  housing = (await createPlan(db, { organisationId: admin.organisationId, title: 'Housing Improvement Plan' })).id;
  finance = (await createPlan(db, { organisationId: admin.organisationId, title: 'Finance Improvement Plan' })).id;
  for (const [planId, prefix] of [[housing, 'H'], [finance, 'F']] as const) {
    for (const n of [1, 2]) await createItem(db, { planId, ref: `${prefix}${n}`, title: `Action ${prefix}${n}`, position: n });
  }
});
afterAll(async () => test.close());

describe('changes since the last issued pack', () => {
  const single = () => reportRequest(housing, { audience: 'Cabinet' });
  const both = () => reportRequest(housing, { audience: 'Cabinet', otherPlanIds: [finance] });

  it('compares a report only with an earlier pack that covers the same plans, in any order, for the same audience', async () => {
    await issue('Cabinet, both plans', both());
    // A single-plan report is not compared with the multi-plan pack (its other plan's actions are not "closed").
    expect(await previousOf(single())).toEqual({ since: null, closed: 0 });
    expect(await previousOf(reportRequest(finance, { audience: 'Cabinet' }))).toEqual({ since: null, closed: 0 });
    // The same two plans, either way round, are compared with it.
    expect(await previousOf(both())).toEqual({ since: 'Cabinet, both plans', closed: 0 });
    expect(await previousOf(reportRequest(finance, { audience: 'cabinet', otherPlanIds: [housing] }))).toEqual({ since: 'Cabinet, both plans', closed: 0 });

    await issue('Cabinet, housing only', single());
    expect(await previousOf(single())).toEqual({ since: 'Cabinet, housing only', closed: 0 });
    // A later single-plan pack does not become the multi-plan report's baseline either.
    expect(await previousOf(both())).toEqual({ since: 'Cabinet, both plans', closed: 0 });
    // Nor does another audience's pack.
    expect(await previousOf(reportRequest(housing, { audience: 'Scrutiny' }))).toEqual({ since: null, closed: 0 });
  });
});
