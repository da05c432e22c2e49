import type { Db } from '../db/connection.ts';

/** The lead officers named on a plan's items, for the lead filter: each person once, by name. */
export const listPlanLeads = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('people as p')
    .where('p.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('item_people as ip')
          .innerJoin('items as i', 'i.id', 'ip.item_id')
          .whereRef('ip.person_id', '=', 'p.id')
          .where('ip.role', '=', 'lead')
          .where('i.plan_id', '=', planId)
          .select('ip.item_id'),
      ),
    )
    .orderBy('p.name')
    .select(['p.id', 'p.name'])
    .execute();

/** The items of a plan on which any of these people is named (as `role`, or in any role). */
export async function itemsOfPeople(db: Db, organisationId: string, planId: string, personIds: readonly string[], role?: 'lead'): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('item_people as ip')
    .innerJoin('items as i', 'i.id', 'ip.item_id')
    .where('ip.organisation_id', '=', organisationId)
    .where('i.plan_id', '=', planId)
    .where('ip.person_id', 'in', [...personIds])
    .$if(role !== undefined, (query) => query.where('ip.role', '=', role as 'lead'))
    .select('ip.item_id')
    .execute();
  return new Set(rows.map((row) => row.item_id));
}
