import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

/** A multipart POST as another site's page could send it with the victim's cookie: fields, and a file. */
function multipart(session: Session, url: string, fields: Record<string, string>) {
  const boundary = '----waymark-csrf-boundary';
  const body = [
    ...Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

async function setting() {
  const db = test.database.db;
  const { user, actor } = await createUser(db, { roles: ['admin'] });
  const plan = await createPlan(db, { organisationId: actor.organisationId, title: 'Improvement Plan 2025' });
  const item = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Engage consultants' });
  const planExists = async () => (await db.selectFrom('plans').where('id', '=', plan.id).select('id').executeTakeFirst()) !== undefined;
  const itemExists = async () => (await db.selectFrom('items').where('id', '=', item.id).select('id').executeTakeFirst()) !== undefined;
  return { plan, item, planExists, itemExists, session: await signInAs(test, user) };
}

describe('CSRF on multipart posts', () => {
  it('refuses a multipart POST without a token to a route that never reads its body (403), and changes nothing', async () => {
    const { plan, item, planExists, itemExists, session } = await setting();
    for (const url of [`/plans/${plan.id}/items/${item.id}/delete`, `/plans/${plan.id}/delete`]) {
      const response = await multipart(session, url, { title: 'ignored' });
      expect(response.statusCode, url).toBe(403);
      expect(response.body).toContain('This form has expired or was not sent from Waymark');
    }
    const wrong = await multipart(session, `/plans/${plan.id}/delete`, { _csrf: 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect(await itemExists()).toBe(true);
    expect(await planExists()).toBe(true);
  });

  it('accepts a multipart POST that carries the page’s token, like any other form', async () => {
    const { plan, planExists, session } = await setting();
    const response = await multipart(session, `/plans/${plan.id}/delete`, { _csrf: session.csrf });
    expect(response.statusCode).toBe(303);
    expect(await planExists()).toBe(false);
  });
});
