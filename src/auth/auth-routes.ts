import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { formErrorsFrom, singleError } from '../web/form-errors.ts';
import { cookieOptions, SESSION_COOKIE, setSessionCookie } from '../web/sessions.ts';
import { setupFormSchema } from './setup-service.ts';
import { isOfficer } from './permissions.ts';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
});

/** Only local paths, so a sign-in link cannot send someone to another site. */
const safeReturnTo = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';

export function authRoutes(app: FastifyInstance, services: Services, secureCookies: boolean): void {
  app.get('/', async (request, reply) => {
    if (request.actor) return reply.redirect(isOfficer(request.actor) ? '/plans' : '/members');
    if (await services.setup.currentToken()) return reply.render('auth/views/welcome.njk', { pageTitle: 'Welcome to Waymark' });
    return reply.redirect('/sign-in');
  });

  app.get('/sign-in', async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo);
    if (request.actor) return reply.redirect(returnTo);
    return reply.render('auth/views/sign-in.njk', { pageTitle: 'Sign in', returnTo, values: {} });
  });

  app.post(
    '/sign-in',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const returnTo = safeReturnTo(body.returnTo);
      const parsed = signInSchema.safeParse(body);
      const values = { email: typeof body.email === 'string' ? body.email : '' };
      if (!parsed.success) {
        return reply.status(400).render('auth/views/sign-in.njk', { pageTitle: 'Sign in', returnTo, values, errors: formErrorsFrom(parsed.error) });
      }
      const token = await services.auth.signIn(parsed.data.email, parsed.data.password);
      if (!token) {
        const errors = singleError('email', 'Enter a correct email address and password');
        return reply.status(400).render('auth/views/sign-in.njk', { pageTitle: 'Sign in', returnTo, values, errors });
      }
      setSessionCookie(reply, token, secureCookies);
      return reply.redirect(returnTo, 303);
    },
  );

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionToken) await services.auth.signOut(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(secureCookies));
    return reply.redirect('/sign-in', 303);
  });

  app.get('/setup', async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    if (!(await services.setup.isValidToken(typeof token === 'string' ? token : undefined))) {
      return reply.status(410).render('auth/views/setup-expired.njk', { pageTitle: 'This set-up link has expired' });
    }
    return reply.render('auth/views/setup.njk', { pageTitle: 'Set up Waymark', token, values: {} });
  });

  app.post('/setup', async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : undefined;
    if (!(await services.setup.isValidToken(token))) {
      return reply.status(410).render('auth/views/setup-expired.njk', { pageTitle: 'This set-up link has expired' });
    }
    const parsed = setupFormSchema.safeParse(body);
    if (!parsed.success) {
      const values = { organisationName: body.organisationName, name: body.name, email: body.email };
      return reply.status(400).render('auth/views/setup.njk', { pageTitle: 'Set up Waymark', token, values, errors: formErrorsFrom(parsed.error) });
    }
    const admin = await services.setup.createFirstAdministrator(token, parsed.data);
    setSessionCookie(reply, await services.auth.startSession(admin), secureCookies);
    return reply.redirect('/welcome', 303);
  });
}
