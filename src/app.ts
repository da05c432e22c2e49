import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import type { Services } from './services.ts';
import './web/fastify-types.ts';
import { appAssetsFolder, createViewEngine, govukAssetsFolder } from './web/view-engine.ts';
import { installRequestTurns } from './web/request-turns.ts';
import { installRender } from './web/render.ts';
import { installSessions } from './web/sessions.ts';
import { installErrorHandling } from './web/error-handler.ts';
import { UPLOAD_LIMIT_BYTES } from './web/multipart.ts';
import { healthRoutes } from './health/health-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { planRoutes } from './plans/plan-routes.ts';
import { itemRoutes } from './items/item-routes.ts';
import { peopleRoutes } from './people/people-routes.ts';
import { usersRoutes } from './users/users-routes.ts';
import { organisationRoutes } from './organisations/organisation-routes.ts';
import { staticPageRoutes } from './web/static-page-routes.ts';
import { updateRoutes } from './updates/update-routes.ts';
import { cycleRoutes } from './updates/cycle-routes.ts';
import { updateRulesRoutes } from './updates/update-rules-routes.ts';
import { relationsRoutes } from './relations/relations-feature.ts';
import { measuresRoutes } from './measures/measures-feature.ts';
import { remindersRoutes } from './reminders/reminders-feature.ts';
import { apiRoutes } from './api/api-feature.ts';
import { importsRoutes } from './imports/imports-feature.ts';
import { reportsRoutes } from './reports/reports-feature.ts';

export interface AppOptions {
  secret: string;
  secureCookies: boolean;
  logLevel?: string;
  /** Extra route modules (features register themselves here). */
  trustProxy?: boolean;
}

/** Builds the whole web app from its services. Tests call this; server.ts only listens. */
export async function buildApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });

  installRequestTurns(app);

  /** Every route as registered (method and URL), for the tests that walk them all. */
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  await app.register(cookie);
  await app.register(formbody);
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only where Waymark is served over TLS: on plain http (a laptop, a test) it would send the browser's own
        // requests, such as the upload with progress, to an https:// address that is not there.
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  // A file over the limit is cut short, not thrown: readMultipartForm notes it and reads on to the form's CSRF token,
  // and readForm refuses the form naming the file (413).
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 5, fields: 100, fieldSize: 100_000 }, throwFileSizeLimit: false });
  // govuk-frontend's CSS asks for its fonts and images at /assets/fonts and /assets/images: they are in its assets folder.
  await app.register(fastifyStatic, { root: [govukAssetsFolder, path.join(govukAssetsFolder, 'assets')], prefix: '/assets/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: appAssetsFolder, prefix: '/assets/app/', decorateReply: false, maxAge: '1h' });

  installRender(app, createViewEngine());
  installSessions(app, { db: services.db, secret: options.secret, secureCookies: options.secureCookies });
  installErrorHandling(app);

  healthRoutes(app, services.db);
  authRoutes(app, services, options.secureCookies);
  planRoutes(app, services);
  itemRoutes(app, services);
  peopleRoutes(app, services);
  usersRoutes(app, services, options.secureCookies);
  organisationRoutes(app, services);
  updateRoutes(app, services);
  cycleRoutes(app, services);
  updateRulesRoutes(app, services);
  relationsRoutes(app, services);
  measuresRoutes(app, services);
  remindersRoutes(app, services);
  apiRoutes(app, services);
  importsRoutes(app, services);
  reportsRoutes(app, services);
  staticPageRoutes(app);
  return app;
}
