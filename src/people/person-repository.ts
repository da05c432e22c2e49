import type { Db } from '../db/connection.ts';
import type { PersonKind } from '../db/schema.ts';

export interface PersonValues {
  name: string;
  roleTitle?: string | null;
  initials?: string | null;
  kind: PersonKind;
  email?: string | null;
  userId?: string | null;
}

const columns = (v: PersonValues) => ({
  name: v.name,
  role_title: v.roleTitle ?? null,
  initials: v.initials ?? null,
  kind: v.kind,
  email: v.email ?? null,
  user_id: v.userId ?? null,
});

export const insertPerson = (db: Db, organisationId: string, values: PersonValues) =>
  db.insertInto('people').values({ organisation_id: organisationId, ...columns(values) }).returningAll().executeTakeFirstOrThrow();

export const updatePerson = (db: Db, organisationId: string, id: string, values: PersonValues) =>
  db
    .updateTable('people')
    .set(columns(values))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const findPerson = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('people').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

export const listPeople = (db: Db, organisationId: string) =>
  db.selectFrom('people').where('organisation_id', '=', organisationId).orderBy('name').selectAll().execute();

export async function countLeadershipsOf(db: Db, organisationId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('item_people')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const deletePerson = (db: Db, organisationId: string, id: string) =>
  db.deleteFrom('people').where('organisation_id', '=', organisationId).where('id', '=', id).execute();
