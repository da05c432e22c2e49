import { sql, type Kysely } from 'kysely';

/** Imports in progress (the uploaded file between preview and confirmation) and the column mappings officers chose. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_sessions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      plan_id uuid references plans(id) on delete cascade,
      file_name text not null,
      bytes bytea not null,
      options jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index import_sessions_user_idx on import_sessions (user_id, created_at);

    create table import_mappings (
      organisation_id uuid not null references organisations(id) on delete cascade,
      signature text not null,
      column_roles jsonb not null,
      level_labels jsonb not null default '[]',
      updated_at timestamptz not null default now(),
      primary key (organisation_id, signature)
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The imports migration cannot be reversed: restore from a backup instead.'));
}
