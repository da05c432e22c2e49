import type { Db } from '../db/connection.ts';
import type { Role } from '../db/schema.ts';

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).selectAll().executeTakeFirst();

export const findUser = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('users').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Db,
  values: { organisationId: string; email: string; name: string; passwordHash: string; roles: Role[] },
) {
  const user = await db
    .insertInto('users')
    .values({
      organisation_id: values.organisationId,
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await setRoles(db, values.organisationId, user.id, values.roles);
  return user;
}

export async function setRoles(db: Db, organisationId: string, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ organisation_id: organisationId, user_id: userId, role })))
    .execute();
}

export async function listUsersWithRoles(db: Db, organisationId: string) {
  const users = await db
    .selectFrom('users')
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .select(['id', 'name', 'email', 'disabled_at', 'created_at'])
    .execute();
  const roles = await db.selectFrom('user_roles').where('organisation_id', '=', organisationId).selectAll().execute();
  return users.map((user) => ({ ...user, roles: roles.filter((r) => r.user_id === user.id).map((r) => r.role) }));
}

export async function rolesOf(db: Db, organisationId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .select('role')
    .execute();
  return rows.map((r) => r.role);
}

export async function setDisabled(db: Db, organisationId: string, userId: string, disabled: boolean) {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .execute();
}
