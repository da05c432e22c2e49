import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/**
 * Sets some keys of a plan's settings JSON, leaving the others as they are (evidenceRequiredForComplete,
 * riskScale, …). The plan's version is not changed: settings are not part of the plan's edit form.
 */
export const mergePlanSettings = (db: Db, organisationId: string, planId: string, patch: Record<string, unknown>) =>
  db
    .updateTable('plans')
    .set({ settings: sql<string>`settings || ${JSON.stringify(patch)}::jsonb`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', planId)
    .returning(['id', 'settings'])
    .executeTakeFirst();
