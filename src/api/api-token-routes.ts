import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { asArray, formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { InvalidFields } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { ApiScope } from '../db/schema.ts';
import { canHoldWriteToken, type ApiTokenService } from './api-token-service.ts';

/** A user's own API tokens: create one (shown once), see when each was last used, revoke. */
export function apiTokenRoutes(app: FastifyInstance, tokens: ApiTokenService): void {
  const render = async (reply: FastifyReply, actor: Actor, values: { name: string; scopes: string[] }, errors?: FormErrors, flash?: string) => {
    const list = await tokens.list(actor);
    const scopeItems = [
      { value: 'read', text: 'Read plans, items, updates, measures and risks', checked: values.scopes.includes('read') },
      ...(canHoldWriteToken(actor) ? [{ value: 'write', text: 'Post updates on actions I can update', checked: values.scopes.includes('write') }] : []),
    ];
    return reply.status(errors ? 400 : 200).render('api/views/api-tokens.njk', { pageTitle: 'API tokens', tokens: list, values, scopeItems, errors, flash });
  };

  app.get('/account/api-tokens', async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return render(reply, actorOf(request), { name: '', scopes: ['read'] }, undefined, done === 'revoked' ? 'Token revoked: it no longer works' : undefined);
  });

  app.post('/account/api-tokens', async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Record<string, unknown>;
    const values = { name: textField(body, 'name'), scopes: asArray(body.scopes) };
    const scopes = values.scopes.filter((scope): scope is ApiScope => scope === 'read' || scope === 'write');
    try {
      const created = await tokens.create(actor, { name: values.name, scopes });
      return reply.header('cache-control', 'no-store').render('api/views/api-token-created.njk', { pageTitle: 'Your new API token', token: created.token, name: values.name.trim() });
    } catch (error) {
      if (error instanceof InvalidFields) return render(reply, actor, values, formErrorsFromIssues(error.issues));
      throw error;
    }
  });

  app.post('/account/api-tokens/:tokenId/revoke', async (request, reply) => {
    await tokens.revoke(actorOf(request), uuidParam(request, 'tokenId'));
    return reply.redirect('/account/api-tokens?done=revoked', 303);
  });
}
