import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { ApiScope } from '../db/schema.ts';
import { hasAnyRole } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { newToken, tokenDigest } from '../auth/session-token.ts';
import { InvalidFields, notFound } from '../errors.ts';
import type { Audience } from '../publishing/publishing-fields.ts';
import { findTokenUser, insertApiToken, listApiTokens, revokeApiToken, touchApiToken } from './api-token-repository.ts';

export const TOKEN_PREFIX = 'wmk_';
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Officers see everything; members (councillors) see members' fields of published plans; anyone else, public fields. */
export function audienceOf(actor: Actor): Audience {
  if (hasAnyRole(actor, 'admin', 'plan_owner', 'editor', 'lead', 'reviewer', 'viewer')) return 'internal';
  return actor.roles.has('member') ? 'members' : 'public';
}

/** Only users who can post updates may hold a token that writes. */
export const canHoldWriteToken = (actor: Actor) => hasAnyRole(actor, 'admin', 'plan_owner', 'editor', 'lead');

export interface TokenCaller {
  actor: Actor;
  tokenId: string;
  scopes: ReadonlySet<ApiScope>;
  lastUsedAt: Date | null;
}

/**
 * API tokens: a random secret shown once; the database keeps only its keyed digest (as for sessions) and the last
 * four characters, so a copy of the database cannot call the API. Revoked tokens stop working at once.
 */
export function createApiTokenService(db: Db, secret: string) {
  const digestOf = (token: string) => tokenDigest(secret, 'api-token', token);

  return {
    list: (actor: Actor) => listApiTokens(db, actor.organisationId, actor.userId),

    async create(actor: Actor, form: { name: string; scopes: ApiScope[] }): Promise<{ token: string; id: string }> {
      const issues: { path: string; message: string }[] = [];
      if (!form.name.trim()) issues.push({ path: 'name', message: 'Enter a name for the token, such as the system that will use it' });
      if (form.name.length > 100) issues.push({ path: 'name', message: 'Name must be 100 characters or fewer' });
      if (form.scopes.length === 0) issues.push({ path: 'scopes', message: 'Select what the token may do' });
      if (form.scopes.includes('write') && !canHoldWriteToken(actor)) issues.push({ path: 'scopes', message: 'Only lead officers, editors, plan owners and administrators can have a token that posts updates' });
      if (issues.length > 0) throw new InvalidFields(issues);
      const token = `${TOKEN_PREFIX}${newToken()}`;
      return db.transaction().execute(async (trx) => {
        const row = await insertApiToken(trx, { organisationId: actor.organisationId, userId: actor.userId, name: form.name.trim(), digest: digestOf(token), hint: token.slice(-4), scopes: form.scopes });
        await recordAudit(trx, actor, { entityType: 'api_token', entityId: row.id, action: 'create', after: { name: row.name, scopes: row.scopes } });
        return { token, id: row.id };
      });
    },

    async revoke(actor: Actor, tokenId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const revoked = await revokeApiToken(trx, actor.organisationId, actor.userId, tokenId, new Date());
        if (!revoked) throw notFound('The token');
        await recordAudit(trx, actor, { entityType: 'api_token', entityId: tokenId, action: 'revoke', before: { name: revoked.name, scopes: revoked.scopes } });
      });
    },

    /** The caller behind a bearer token, or null when the token is unknown, revoked or its user disabled. */
    async authenticate(token: string): Promise<TokenCaller | null> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
      const row = await findTokenUser(db, digestOf(token));
      if (!row) return null;
      return {
        actor: { userId: row.userId, organisationId: row.organisationId, organisationName: row.organisationName, name: row.name, email: row.email, roles: new Set(row.roles), personIds: row.personIds },
        tokenId: row.tokenId,
        scopes: new Set(row.scopes),
        lastUsedAt: row.lastUsedAt,
      };
    },

    /** Records use after a successful request (not on errors: nothing is written then), at most every few minutes. */
    async touch(caller: TokenCaller, now = new Date()): Promise<void> {
      if (caller.lastUsedAt && now.getTime() - new Date(caller.lastUsedAt).getTime() < TOUCH_AFTER_MS) return;
      await touchApiToken(db, caller.tokenId, now);
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
