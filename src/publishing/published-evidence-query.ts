import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { PublicationScope } from './publication-scope.ts';
import { publishedUpdate } from './published-sql.ts';

/** An evidence file the audience may download: the plan publishes evidence and its update is published. */
export async function findPublishedEvidence(db: Db, scope: PublicationScope, fileId: string) {
  if (!scope.view.sees('evidence')) return undefined;
  const result = await sql<{ file_name: string; content_type: string; data: Buffer }>`
    select e.file_name, e.content_type, e.data from evidence_files e join updates u on u.id = e.update_id
    where e.id = ${fileId} and e.organisation_id = ${scope.organisationId} and u.plan_id = ${scope.planId} and ${publishedUpdate(scope, 'u')}
  `.execute(db);
  return result.rows[0];
}
