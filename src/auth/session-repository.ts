import type { Db } from '../db/connection.ts';
import type { Role } from '../db/schema.ts';

export async function insertSession(
  db: Db,
  session: { id: string; organisationId: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      organisation_id: session.organisationId,
      user_id: session.userId,
      expires_at: session.expiresAt,
      last_seen_at: new Date(),
    })
    .execute();
}

export interface SessionUser {
  sessionId: string;
  userId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  lastSeenAt: Date;
  roles: Role[];
  personIds: string[];
}

/** The signed-in user behind a session, with roles and linked people, in one round trip. */
export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .select((eb) => [
      's.id as sessionId',
      'u.id as userId',
      'u.organisation_id as organisationId',
      'o.name as organisationName',
      'u.name',
      'u.email',
      's.last_seen_at as lastSeenAt',
      eb
        .fn<Role[]>('array', [eb.selectFrom('user_roles as r').select('r.role').whereRef('r.user_id', '=', 'u.id')])
        .as('roles'),
      eb
        .fn<string[]>('array', [
          eb.selectFrom('people as p').select('p.id').whereRef('p.user_id', '=', 'u.id'),
        ])
        .as('personIds'),
    ])
    .executeTakeFirst();
  return row;
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
