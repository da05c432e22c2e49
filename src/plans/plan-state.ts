import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/connection.ts';
import type { Direction, ItemKind, RagCode, RelationType } from '../db/schema.ts';
import { planStateBefore } from './plan-state-as-at.ts';

export interface PlanStateItem {
  id: string;
  parent_id: string | null;
  position: number;
  kind: ItemKind;
  ref: string | null;
  title: string;
  priority: string | null;
  target_text: string | null;
  target_start: string | null;
  target_end: string | null;
  planned_months: string[];
  /** Lead officers then lead members, by name, in the order the plan gives them. */
  leads: string[];
}

export interface PlanStateUpdate {
  item_id: string;
  status: string | null;
  rag_proposed: RagCode | null;
  rag_confirmed: RagCode | null;
  direction: Direction | null;
  percent_complete: number | null;
  narrative: string | null;
  corrective_action: string | null;
  as_of: string;
  author_name: string;
}

export interface PlanStateRevision {
  item_id: string;
  from_text: string | null;
  from_end: string | null;
  to_text: string;
  to_end: string | null;
  reason: string;
  agreed_by_name: string;
}

export interface PlanStateRelation {
  from_item_id: string;
  to_item_id: string;
  type: RelationType;
  lag_days: number;
}

/** Everything the plan page, statuses, knock-on and reports need about a plan, as at a moment (now when null). */
export interface PlanState {
  items: PlanStateItem[];
  approved: PlanStateUpdate[];
  revisions: PlanStateRevision[];
  relations: PlanStateRelation[];
}

/**
 * Loads a plan's state in ONE round trip: four JSON arrays built by the database. On PGlite this is several
 * times faster than four row sets; on PostgreSQL it saves round trips.
 */
export async function loadPlanState(db: Db, organisationId: string, planId: string, asAt: Date | null): Promise<PlanState> {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('items as i')
          .where('i.organisation_id', '=', organisationId)
          .where('i.plan_id', '=', planId)
          .orderBy('i.position')
          .select([
            'i.id',
            'i.parent_id',
            'i.position',
            'i.kind',
            'i.ref',
            'i.title',
            'i.priority',
            'i.target_text',
            'i.target_start',
            'i.target_end',
            'i.planned_months',
            sql<string[]>`coalesce((select json_agg(p.name order by ip.role, ip.position) from item_people ip join people p on p.id = ip.person_id where ip.item_id = i.id and ip.role in ('lead', 'lead_member')), '[]')`.as('leads'),
          ]),
      ).as('items'),
      jsonArrayFrom(
        eb
          .selectFrom('updates')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', '=', planId)
          .where('state', '=', 'approved')
          .$if(asAt !== null, (q) => q.where('reviewed_at', '<=', asAt as Date))
          .distinctOn('item_id')
          .orderBy('item_id')
          .orderBy('reviewed_at', 'desc')
          .select(['item_id', 'status', 'rag_proposed', 'rag_confirmed', 'direction', 'percent_complete', 'narrative', 'corrective_action', 'as_of', 'author_name']),
      ).as('approved'),
      jsonArrayFrom(
        eb
          .selectFrom('date_revisions')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', '=', planId)
          .$if(asAt !== null, (q) => q.where('agreed_at', '<=', asAt as Date))
          .orderBy('agreed_at')
          .select(['item_id', 'from_text', 'from_end', 'to_text', 'to_end', 'reason', 'agreed_by_name']),
      ).as('revisions'),
      jsonArrayFrom(
        eb
          .selectFrom('relations')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', '=', planId)
          .select(['from_item_id', 'to_item_id', 'type', 'lag_days']),
      ).as('relations'),
    ])
    .executeTakeFirstOrThrow();
  if (asAt === null) return row;
  // Items and relations are kept as they are now: the audit entries since the moment take them back to it.
  const changes = await db
    .selectFrom('audit_log')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('at', '>', asAt)
    .where('entity_type', 'in', ['item', 'relation'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .select(['entity_type', 'entity_id', 'action', 'before', 'after'])
    .execute();
  return changes.length === 0 ? row : planStateBefore(row, changes);
}
