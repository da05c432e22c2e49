import { sql, type Kysely } from 'kysely';

/** The latest audit entry of an organisation is its change stamp (see src/plans/page-cache.ts): make it one index probe. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_log_organisation_idx on audit_log (organisation_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index audit_log_organisation_idx`.execute(db);
}
