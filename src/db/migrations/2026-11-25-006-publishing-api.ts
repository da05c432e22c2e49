import { sql, type Kysely } from 'kysely';

/**
 * Publishing, the members' area and the API (issue 9): API tokens per user (only a keyed digest is kept), members
 * following actions, the notices already sent to them, and an organisation's open-data licence. A plan's own
 * publishing rules live in plans.settings under `publishing`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_digest text not null unique,
      token_hint text not null,
      scopes text[] not null check (scopes <@ array['read','write']::text[] and cardinality(scopes) > 0),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_tokens_user_idx on api_tokens (user_id, created_at);

    create table follows (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      item_id uuid not null references items(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, item_id)
    );
    create index follows_item_idx on follows (item_id);

    create table follow_notices (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      update_id uuid not null references updates(id) on delete cascade,
      sent boolean not null,
      created_at timestamptz not null default now(),
      primary key (user_id, update_id)
    );

    create table organisation_publishing (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      licence_name text not null,
      licence_url text not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The publishing and API migration cannot be reversed: restore from a backup instead.'));
}
