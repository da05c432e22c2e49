import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../support/test-app.ts';
import { createPerson, createUser } from '../factories/factories.ts';
import { seedPath } from '../../src/imports/interpret/test-seeds.ts';

/**
 * No data of one organisation is visible to, or changeable by, another — for EVERY route the app registers.
 * Organisation B has a plan (seed 004 imported, titled SECRET-B), people, updates, a reporting cycle. A signed-in
 * administrator of organisation A requests every route with B's ids in its parameters (or a random id where B has
 * none of that kind): GETs must not answer 200 with B's data, POSTs must not change anything of B's.
 */
let test: TestApp;
let a: Session;
let ids: Record<string, string>;
let bOrganisationId: string;

const MARKER = 'SECRET-B';
const skipped = (url: string) => url.startsWith('/assets') || url.startsWith('/public') || url.startsWith('/api/') || url.startsWith('/invitations') || url === '/setup' || url === '/sign-in' || url === '/sign-out';

function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? (name === 'format' ? 'csv' : randomUUID()));
}

async function fingerprintOfB(): Promise<string> {
  const db = test.database.db;
  const [audit, items, plans, people] = await Promise.all([
    db.selectFrom('audit_log').where('organisation_id', '=', bOrganisationId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('items').where('organisation_id', '=', bOrganisationId).select(['id', 'title', 'version', 'parent_id', 'position']).orderBy('id').execute(),
    db.selectFrom('plans').where('organisation_id', '=', bOrganisationId).select(['id', 'title', 'version', 'settings']).execute(),
    db.selectFrom('people').where('organisation_id', '=', bOrganisationId).select(['id', 'name', 'user_id']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ audit: Number(audit.n), items, plans, people });
}

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  const owner = await createUser(db, { roles: ['admin', 'plan_owner', 'reviewer'], name: 'Admin of B' });
  bOrganisationId = owner.actor.organisationId;
  const imported = await test.services.imports.importFile(owner.actor, '004.txt', readFileSync(seedPath('004')), { title: `${MARKER} plan` });
  const cycle = await test.services.cycles.createCycle(owner.actor, imported.planId, { name: 'Quarterly', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
  const period = await db.selectFrom('periods').where('cycle_id', '=', cycle.id).select('id').executeTakeFirstOrThrow();
  const item = await db.selectFrom('items').where('plan_id', '=', imported.planId).where('kind', '=', 'action').select('id').executeTakeFirstOrThrow();
  const update = await db.selectFrom('updates').where('plan_id', '=', imported.planId).select('id').executeTakeFirstOrThrow();
  const relation = await db.selectFrom('relations').where('plan_id', '=', imported.planId).select('id').executeTakeFirstOrThrow();
  const person = await createPerson(db, { organisationId: bOrganisationId, name: `${MARKER} person` });
  const organisation = await db.selectFrom('organisations').where('id', '=', bOrganisationId).select('slug').executeTakeFirstOrThrow();
  ids = { planId: imported.planId, itemId: item.id, updateId: update.id, relationId: relation.id, personId: person.id, userId: owner.user.id, periodId: period.id, slug: organisation.slug };

  const { user } = await createUser(db, { roles: ['admin', 'plan_owner', 'editor', 'lead', 'reviewer'], name: 'Admin of A' });
  a = await signInAs(test, user);
});
afterAll(async () => test.close());

describe('another organisation’s data, on every route', () => {
  it('is never shown by a GET', async () => {
    const routes = test.app.routeList.filter((r) => r.method === 'GET' && !skipped(r.url));
    expect(routes.length).toBeGreaterThan(60);
    const leaks: string[] = [];
    for (const route of routes) {
      const url = fill(route.url);
      const response = await a.get(url);
      if (response.statusCode >= 500) leaks.push(`${url} answered ${response.statusCode}`);
      if (response.body.includes(MARKER)) leaks.push(`${url} (${response.statusCode}) shows organisation B's data`);
      if (route.url.includes(':planId') || route.url.includes(':itemId') || route.url.includes(':updateId') || route.url.includes(':personId') || route.url.includes(':userId')) {
        if (response.statusCode === 200) leaks.push(`${url} answered 200 for organisation B's ids`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('is never changed by a POST', async () => {
    const before = await fingerprintOfB();
    const routes = test.app.routeList.filter((r) => r.method === 'POST' && !skipped(r.url) && !r.url.startsWith('/members'));
    const problems: string[] = [];
    for (const route of routes) {
      const url = fill(route.url);
      const response = await a.post(url, { title: 'Changed by A', name: 'Changed by A', kind: 'action', status: 'live', source: 'other', version: '1', decision: 'approve', ragConfirmed: 'red', parentId: '', position: '1' });
      if (response.statusCode >= 500) problems.push(`${url} answered ${response.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect(await fingerprintOfB()).toBe(before);
  });
});
