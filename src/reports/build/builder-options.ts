import type { Db } from '../../db/connection.ts';

/** The plan's top-level sections (themes, priorities) a report can be filtered to, in the plan's order. */
export const planThemes = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('parent_id', 'is', null)
    .where('kind', 'not in', ['action', 'milestone'])
    .orderBy('position')
    .select(['id', 'title'])
    .execute();

/** The lead officers of the plan's items, by name. */
export const planLeads = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('item_people as ip')
    .innerJoin('items as i', 'i.id', 'ip.item_id')
    .innerJoin('people as p', 'p.id', 'ip.person_id')
    .where('i.organisation_id', '=', organisationId)
    .where('i.plan_id', '=', planId)
    .where('ip.role', '=', 'lead')
    .select(['p.id', 'p.name'])
    .distinct()
    .orderBy('p.name')
    .execute();

/** The status words the plan's approved updates use, most used first. */
export const planStatusWords = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('updates')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('state', '=', 'approved')
    .where('status', 'is not', null)
    .groupBy('status')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('status')
    .select('status')
    .execute();
