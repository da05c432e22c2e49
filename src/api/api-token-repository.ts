import type { Db } from '../db/connection.ts';
import type { ApiScope, Role } from '../db/schema.ts';

export const insertApiToken = (db: Db, values: { organisationId: string; userId: string; name: string; digest: string; hint: string; scopes: ApiScope[] }) =>
  db
    .insertInto('api_tokens')
    .values({ organisation_id: values.organisationId, user_id: values.userId, name: values.name, token_digest: values.digest, token_hint: values.hint, scopes: values.scopes })
    .returning(['id', 'name', 'scopes', 'created_at'])
    .executeTakeFirstOrThrow();

export const listApiTokens = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('api_tokens')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .select(['id', 'name', 'token_hint', 'scopes', 'created_at', 'last_used_at', 'revoked_at'])
    .execute();

export const revokeApiToken = (db: Db, organisationId: string, userId: string, tokenId: string, at: Date) =>
  db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scopes'])
    .executeTakeFirst();

export interface TokenUser {
  tokenId: string;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
  userId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  roles: Role[];
  personIds: string[];
}

/** The live token with this digest and its user, roles and linked people, in one round trip. */
export const findTokenUser = (db: Db, digest: string): Promise<TokenUser | undefined> =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where('t.token_digest', '=', digest)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .select((eb) => [
      't.id as tokenId',
      't.scopes',
      't.last_used_at as lastUsedAt',
      'u.id as userId',
      'u.organisation_id as organisationId',
      'o.name as organisationName',
      'u.name',
      'u.email',
      eb.fn<Role[]>('array', [eb.selectFrom('user_roles as r').select('r.role').whereRef('r.user_id', '=', 'u.id')]).as('roles'),
      eb.fn<string[]>('array', [eb.selectFrom('people as p').select('p.id').whereRef('p.user_id', '=', 'u.id')]).as('personIds'),
    ])
    .executeTakeFirst();

export const touchApiToken = (db: Db, tokenId: string, at: Date) => db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
