import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import { canAdminister, hasAnyRole, isOfficer } from '../auth/permissions.ts';
import type { Actor } from '../auth/actor.ts';

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

/** `reply.render(template, context)`: every page gets the actor, CSRF token, CSP nonce and navigation. */
export function installRender(app: FastifyInstance, env: nunjucks.Environment): void {
  app.decorate('renderFragment', (template: string, context: Record<string, unknown>) => env.render(template, context));
  app.decorateReply('render', function render(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request: FastifyRequest = this.request;
    const actor = request.actor;
    const path = request.url.split('?')[0] ?? '/';
    const html = env.render(template, {
      actor,
      organisationName: actor?.organisationName,
      navigation: actor ? navigationFor(actor, path) : [],
      csrfToken: request.csrfToken,
      cspNonce: (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
      currentPath: path,
      ...context,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
