import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { createPlan, createUser } from '../../test/factories/factories.ts';
import { UPLOAD_LIMIT_BYTES } from './multipart.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

/** A multipart POST with one file, the file before or after the form's token. */
function upload(session: Session, url: string, file: { field: string; name: string; data: Buffer }, csrf: 'first' | 'last' = 'first') {
  const boundary = '----waymark-limit-boundary';
  const token = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`);
  const filePart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file.data,
    Buffer.from('\r\n'),
  ]);
  const payload = Buffer.concat([...(csrf === 'first' ? [token, filePart] : [filePart, token]), Buffer.from(`--${boundary}--\r\n`)]);
  return test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

async function setting() {
  const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
  const plan = await createPlan(test.database.db, { organisationId: actor.organisationId, periodStart: '2025-04-01', periodEnd: '2026-03-31' });
  return { plan, session: await signInAs(test, user) };
}

const tooLarge = (name: string) => ({ field: 'file', name, data: Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 0x41) });

describe('a file over the upload limit', () => {
  it('is refused on every upload form with a page naming the file and the limit (413)', async () => {
    const { plan, session } = await setting();
    for (const csrf of ['first', 'last'] as const) {
      const response = await upload(session, `/plans/${plan.id}/measures/import`, tooLarge('actuals.csv'), csrf);
      expect(response.statusCode).toBe(413);
      expect(response.body).toContain('actuals.csv is larger than the 20 MB limit');
    }
  });

  it('is not read until the form’s token is checked: a forged form gets 403, whichever part comes first', async () => {
    const { plan, session } = await setting();
    for (const csrf of ['first', 'last'] as const) {
      const response = await upload({ ...session, csrf: 'forged' }, `/plans/${plan.id}/measures/import`, tooLarge('actuals.csv'), csrf);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('actuals.csv');
    }
  });
});
