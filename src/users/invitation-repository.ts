import type { Db } from '../db/connection.ts';
import type { Role } from '../db/schema.ts';

export const insertInvitation = (
  db: Db,
  values: { organisationId: string; tokenHash: string; email: string; name: string; roles: Role[]; createdBy: string; expiresAt: Date },
) =>
  db
    .insertInto('invitations')
    .values({
      organisation_id: values.organisationId,
      token_hash: values.tokenHash,
      email: values.email,
      name: values.name,
      roles: values.roles,
      created_by: values.createdBy,
      expires_at: values.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findOpenInvitation = (db: Db, tokenHash: string, now: Date) =>
  db
    .selectFrom('invitations')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .selectAll()
    .executeTakeFirst();

export const markInvitationUsed = (db: Db, id: string) =>
  db.updateTable('invitations').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();

export const listOpenInvitations = (db: Db, organisationId: string, now: Date) =>
  db
    .selectFrom('invitations')
    .where('organisation_id', '=', organisationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .selectAll()
    .execute();
