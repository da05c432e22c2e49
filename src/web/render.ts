import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import { canAdminister, hasAnyRole, isOfficer } from '../auth/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import { acceptsGzip, gzipAround, type KeptBody } from './kept-body.ts';

interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

function navigationFor(actor: Actor, path: string): NavigationItem[] {
  if (!isOfficer(actor)) {
    return [
      { href: '/members', text: 'Members’ area' },
      { href: '/account/api-tokens', text: 'API tokens' },
    ].map((item) => ({ ...item, active: path === item.href || path.startsWith(`${item.href}/`) }));
  }
  const items: NavigationItem[] = [
    { href: '/plans', text: 'Plans' },
    { href: '/my-actions', text: 'My actions' },
  ];
  if (hasAnyRole(actor, 'admin', 'reviewer', 'plan_owner')) items.push({ href: '/reviews', text: 'Reviews' });
  if (canAdminister(actor)) {
    items.push({ href: '/people', text: 'People' }, { href: '/users', text: 'Users' }, { href: '/organisation', text: 'Settings' });
  }
  return items.map((item) => ({ ...item, active: path === item.href || path.startsWith(`${item.href}/`) }));
}

const HTML = 'text/html; charset=utf-8';
/** Where `renderAround` splices its kept body into the page (the template's `{{ bodyHtml | safe }}`). */
const BODY_SLOT = '<!--waymark:kept-body-->';

/**
 * `reply.render(template, context)`: every page gets the actor, CSRF token, CSP nonce and navigation.
 * `reply.renderAround(template, context, body)`: the same page around a large body rendered once and kept as UTF-8
 * bytes. The page is rendered with a marker where `{{ bodyHtml | safe }}` goes and the bytes are spliced in, so a
 * 1.6 MB plan body is not measured and encoded again on every request (as a string inside the page it cost ~30 ms).
 * A browser that accepts gzip gets it (a tenth of the bytes), the body compressed once (see kept-body.ts).
 */
export function installRender(app: FastifyInstance, env: nunjucks.Environment): void {
  app.decorate('renderFragment', (template: string, context: Record<string, unknown>) => env.render(template, context));

  function pageHtml(reply: FastifyReply, template: string, context: Record<string, unknown>): string {
    const request: FastifyRequest = reply.request;
    const actor = request.actor;
    const path = request.url.split('?')[0] ?? '/';
    return env.render(template, {
      actor,
      organisationName: actor?.organisationName,
      navigation: actor ? navigationFor(actor, path) : [],
      csrfToken: request.csrfToken,
      cspNonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
      currentPath: path,
      ...context,
    });
  }

  app.decorateReply('render', function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    return this.type(HTML).send(pageHtml(this, template, context));
  });

  app.decorateReply('renderAround', function renderAround(this: FastifyReply, template: string, context: Record<string, unknown>, body: KeptBody) {
    const html = pageHtml(this, template, { ...context, bodyHtml: BODY_SLOT });
    const at = html.indexOf(BODY_SLOT);
    if (at < 0) throw new Error(`${template} has no {{ bodyHtml | safe }} for its kept body`);
    const head = Buffer.from(html.slice(0, at));
    const tail = Buffer.from(html.slice(at + BODY_SLOT.length));
    this.type(HTML).header('vary', 'Accept-Encoding');
    if (!acceptsGzip(this.request.headers['accept-encoding'])) return this.send(Buffer.concat([head, body.bytes, tail]));
    return this.header('content-encoding', 'gzip').send(gzipAround(head, body, tail));
  });
}
