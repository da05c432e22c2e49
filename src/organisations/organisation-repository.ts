import type { Db } from '../db/connection.ts';
import type { CorporatePriority } from '../db/schema.ts';

export async function insertOrganisation(
  db: Db,
  values: { slug: string; name: string; fyStartMonth?: number; corporatePriorities?: CorporatePriority[] },
) {
  return db
    .insertInto('organisations')
    .values({
      slug: values.slug,
      name: values.name,
      fy_start_month: values.fyStartMonth ?? 4,
      corporate_priorities: JSON.stringify(values.corporatePriorities ?? []),
      rag_scheme: '{}',
      status_vocabulary: JSON.stringify(['Not started', 'On target', 'At risk', 'Off target', 'Achieved']),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const findOrganisation = (db: Db, id: string) =>
  db.selectFrom('organisations').where('id', '=', id).selectAll().executeTakeFirst();

export const findOrganisationBySlug = (db: Db, slug: string) =>
  db.selectFrom('organisations').where('slug', '=', slug).selectAll().executeTakeFirst();

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  return (await findOrganisationBySlug(db, slug)) !== undefined;
}

export async function updateOrganisationSettings(
  db: Db,
  id: string,
  values: { name: string; fyStartMonth: number; corporatePriorities: CorporatePriority[] },
) {
  return db
    .updateTable('organisations')
    .set({
      name: values.name,
      fy_start_month: values.fyStartMonth,
      corporate_priorities: JSON.stringify(values.corporatePriorities),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
