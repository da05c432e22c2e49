import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';
import { UPLOAD_LIMIT_BYTES } from '../web/multipart.ts';
import { seedPath } from './interpret/test-seeds.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

function upload(session: Session, fileName: string, data: Buffer, planId?: string) {
  const boundary = '----waymark-test-boundary';
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`,
    ...(planId ? [`--${boundary}\r\nContent-Disposition: form-data; name="planId"\r\n\r\n${planId}\r\n`] : []),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ];
  const payload = Buffer.concat([Buffer.from(parts.join('')), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return test.app.inject({ method: 'POST', url: '/imports', headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

describe('import pages', () => {
  it('uploads a plan, previews it, changes a column role, and saves it on confirmation', async () => {
    const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const uploaded = await upload(session, 'plan.txt', readFileSync(seedPath('000')));
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const previewUrl = uploaded.headers.location as string;
    const preview = await session.get(previewUrl);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Check what Waymark understood');
    expect(preview.body).toContain('22 actions');
    expect(preview.body).toContain('11 outcomes');
    expect(await test.database.db.selectFrom('plans').where('organisation_id', '=', actor.organisationId).select('id').execute()).toHaveLength(0);

    const changed = await session.post(`${previewUrl}/choices`, { title: 'Improvement Plan November 2014', levelLabels: 'Outcome\nAction', 'role:owner': 'field' });
    expect(changed.statusCode).toBe(303);
    const again = await session.get(previewUrl);
    expect(again.body).toMatch(/<option value="field" selected>Other information/);

    const confirmed = await session.post(`${previewUrl}/confirm`, {});
    expect(confirmed.statusCode).toBe(303);
    const plan = await test.database.db.selectFrom('plans').where('organisation_id', '=', actor.organisationId).selectAll().executeTakeFirstOrThrow();
    expect(plan.title).toBe('Improvement Plan November 2014');
    expect(plan.level_labels).toEqual(['Outcome', 'Action']);
    const leads = await test.database.db.selectFrom('item_people').where('organisation_id', '=', actor.organisationId).select('item_id').execute();
    expect(leads).toHaveLength(0);
    const item = await test.database.db.selectFrom('items').where('plan_id', '=', plan.id).where('ref', '=', '1').selectAll().executeTakeFirstOrThrow();
    expect(item.custom_values.Owner).toBe('Director of Corporate Resources');
  });

  it.each([
    ['empty.csv', Buffer.alloc(0), 'empty.csv'],
    ['junk.xlsx', Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 9, 0, 0, 3]), 'junk.xlsx'],
    ['photo.docx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'photo.docx'],
  ])('refuses %s with an error summary naming the file, and keeps nothing', async (fileName, data, named) => {
    const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const response = await upload(session, fileName, data);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(named);
    expect(await test.database.db.selectFrom('import_sessions').where('organisation_id', '=', actor.organisationId).select('id').execute()).toHaveLength(0);
  });

  it('lists the first 400 items of a long plan, and every item on asking', async () => {
    const { user } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const csv = ['Ref,Action,Lead officer,Target date', ...Array.from({ length: 450 }, (_, i) => `A${i + 1},Action number ${i + 1},Head of Housing,March 2027`)].join('\n');
    const uploaded = await upload(session, 'long-plan.csv', Buffer.from(csv));
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const previewUrl = uploaded.headers.location as string;
    const first = await session.get(previewUrl);
    expect(first.body).toContain('450 actions');
    expect(first.body).toContain('Action number 400<');
    expect(first.body).not.toContain('Action number 401<');
    expect(first.body).toContain(`And 50 more items: <a class="govuk-link" href="${previewUrl}?rows=all">list every item</a>.`);
    const all = await session.get(`${previewUrl}?rows=all`);
    expect(all.body).toContain('Action number 450<');
    expect(all.body).not.toContain('more items');
  });

  it('refuses a file one byte over the limit with the form shown again, naming the file and the limit, and keeps nothing', async () => {
    const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
    const plan = await createPlan(test.database.db, { organisationId: actor.organisationId, title: 'Improvement Plan 2025' });
    const response = await upload(await signInAs(test, user), 'plan.xlsx', Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 0x41), plan.id);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('plan.xlsx is larger than the 20 MB limit');
    expect(response.body).toContain('href="#file"');
    expect(response.body).toContain(`name="planId" value="${plan.id}"`);
    expect(await test.database.db.selectFrom('import_sessions').where('organisation_id', '=', actor.organisationId).select('id').execute()).toHaveLength(0);
  });

  it('refuses an upload without a CSRF token', async () => {
    const { user } = await createUser(test.database.db, { roles: ['admin'] });
    const session = await signInAs(test, user);
    const response = await upload({ ...session, csrf: 'forged' }, 'plan.txt', readFileSync(seedPath('000')));
    expect(response.statusCode).toBe(403);
  });

  it('does not show one organisation’s import to another', async () => {
    const owner = await createUser(test.database.db, { roles: ['admin'] });
    const other = await createUser(test.database.db, { roles: ['admin'] });
    const uploaded = await upload(await signInAs(test, owner.user), 'plan.txt', readFileSync(seedPath('000')));
    const response = await (await signInAs(test, other.user)).get(uploaded.headers.location as string);
    expect(response.statusCode).toBe(404);
  });
});
