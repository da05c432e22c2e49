import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/connection.ts';
import type { ItemPersonRole } from '../../db/schema.ts';

/** What a report needs about a plan beyond its state (src/plans/plan-state.ts): fields, people and revision dates. */
export interface ReportExtras {
  items: { id: string; custom_values: Record<string, string> }[];
  people: { item_id: string; person_id: string; name: string; role: ItemPersonRole }[];
  /** Revisions agreed by the as-at moment, oldest first, with when they were agreed (ISO instant). */
  revisions: {
    item_id: string;
    from_text: string | null;
    to_text: string;
    reason: string;
    agreed_by_name: string;
    agreed_at: string;
  }[];
}

/** The plan's item fields, leads by role and dated revisions, in one round trip. */
export async function loadReportExtras(db: Db, organisationId: string, planId: string, asAt: Date): Promise<ReportExtras> {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('items')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', '=', planId)
          .where(sql<boolean>`custom_values <> '{}'::jsonb`)
          .select(['id', 'custom_values']),
      ).as('items'),
      jsonArrayFrom(
        eb
          .selectFrom('item_people as ip')
          .innerJoin('items as i', 'i.id', 'ip.item_id')
          .innerJoin('people as p', 'p.id', 'ip.person_id')
          .where('i.organisation_id', '=', organisationId)
          .where('i.plan_id', '=', planId)
          .where('ip.role', 'in', ['lead', 'lead_member'])
          .orderBy('ip.item_id')
          .orderBy('ip.role')
          .orderBy('ip.position')
          .select(['ip.item_id', 'ip.person_id', 'p.name', 'ip.role']),
      ).as('people'),
      jsonArrayFrom(
        eb
          .selectFrom('date_revisions')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', '=', planId)
          .where('agreed_at', '<=', asAt)
          .orderBy('agreed_at')
          .select(['item_id', 'from_text', 'to_text', 'reason', 'agreed_by_name', 'agreed_at']),
      ).as('revisions'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
