import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createServices, type Services } from '../../src/services.ts';
import { tokenDigest } from '../../src/auth/session-token.ts';
import type { DatabaseHandle } from '../../src/db/connection.ts';
import { createTestDatabase } from './test-db.ts';

export const TEST_SECRET = 'test-secret-that-is-long-enough-to-pass-validation';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  close(): Promise<void>;
}

const silentLog = { info: () => {}, warn: () => {}, error: () => {} };

export async function createTestApp(options: { smtpUrl?: string; baseUrl?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const services = createServices(database.db, {
    secret: TEST_SECRET,
    baseUrl: options.baseUrl ?? 'http://localhost:3000',
    smtpUrl: options.smtpUrl,
    mailFrom: 'Waymark <waymark@test.invalid>',
    log: silentLog,
  });
  const app = await buildApp(services, { secret: TEST_SECRET, secureCookies: false, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    services,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser as far as inject is concerned: a session cookie and the matching CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string | string[]>, options?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
}

export async function signInAs(test: TestApp, user: { id: string; organisation_id: string }): Promise<Session> {
  const token = await test.services.auth.startSession(user);
  return sessionFor(test, `waymark_session=${token}`, tokenDigest(TEST_SECRET, 'csrf', token));
}

export function anonymousSession(test: TestApp): Session {
  const pre = 'anonymous-pre-session-token';
  return sessionFor(test, `waymark_pre=${pre}`, tokenDigest(TEST_SECRET, 'csrf', pre));
}

function sessionFor(test: TestApp, cookie: string, csrf: string): Session {
  return {
    cookie,
    csrf,
    get: (url) => test.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, form, options = {}) => {
      const body = new URLSearchParams();
      const token = options.csrf === undefined ? csrf : options.csrf;
      if (token !== null) body.append('_csrf', token);
      for (const [key, value] of Object.entries(form)) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      }
      return test.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    },
  };
}
