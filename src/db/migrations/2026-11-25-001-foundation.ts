import { sql, type Kysely } from 'kysely';

/** Organisations, people, users, sessions, plans, items and the append-only audit log. Frozen once released. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid generated always as (id) stored,
      slug text not null unique,
      name text not null,
      fy_start_month integer not null default 4 check (fy_start_month between 1 and 12),
      corporate_priorities jsonb not null default '[]',
      rag_scheme jsonb not null default '{}',
      status_vocabulary jsonb not null default '[]',
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      email text not null,
      name text not null,
      password_hash text,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));
    create index users_organisation_idx on users (organisation_id);

    create table user_roles (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('admin','plan_owner','editor','lead','reviewer','member','viewer')),
      primary key (user_id, role)
    );

    create table sessions (
      id text primary key,
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      token_hash text not null unique,
      email text not null,
      name text not null,
      roles text[] not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table people (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      role_title text,
      initials text,
      kind text not null default 'officer' check (kind in ('officer','member','body')),
      email text,
      user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index people_organisation_idx on people (organisation_id, name);
    create index people_user_idx on people (user_id);

    create table plans (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      title text not null,
      source text not null default 'other'
        check (source in ('inspection','peer_challenge','audit','governance_statement','self_assessment','other')),
      source_detail text,
      period_start date,
      period_end date,
      level_labels jsonb not null default '[]',
      custom_fields jsonb not null default '[]',
      narrative jsonb not null default '[]',
      status text not null default 'draft' check (status in ('draft','live','closed')),
      owner_user_id uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plans_organisation_idx on plans (organisation_id, created_at);

    create table items (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      parent_id uuid references items(id) on delete cascade,
      position integer not null default 0,
      kind text not null check (kind in ('section','outcome','measure','action','milestone')),
      ref text,
      ref_key text,
      title text not null,
      detail text,
      priority text,
      corporate_priorities text[] not null default '{}',
      target_text text,
      target_start date,
      target_end date,
      target_precision text not null default 'unknown',
      planned_months text[] not null default '{}',
      resources text,
      custom_values jsonb not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index items_plan_idx on items (plan_id, parent_id, position);
    create index items_organisation_idx on items (organisation_id);
    create index items_ref_idx on items (plan_id, ref_key);

    create table item_people (
      organisation_id uuid not null references organisations(id) on delete cascade,
      item_id uuid not null references items(id) on delete cascade,
      person_id uuid not null references people(id) on delete cascade,
      role text not null check (role in ('lead','lead_member','support')),
      position integer not null default 0,
      primary key (item_id, person_id, role)
    );
    create index item_people_person_idx on item_people (person_id);

    create table relations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      from_item_id uuid not null references items(id) on delete cascade,
      to_item_id uuid not null references items(id) on delete cascade,
      type text not null check (type in ('depends_on','follows_on_from','links_to','duplicates')),
      lag_days integer not null default 0,
      note text,
      created_at timestamptz not null default now(),
      unique (from_item_id, to_item_id, type),
      check (from_item_id <> to_item_id)
    );
    create index relations_plan_idx on relations (plan_id);
    create index relations_to_idx on relations (to_item_id);

    create table audit_log (
      id bigint generated always as identity primary key,
      organisation_id uuid not null,
      at timestamptz not null default now(),
      user_id uuid,
      user_name text,
      plan_id uuid,
      entity_type text not null,
      entity_id uuid not null,
      action text not null,
      before jsonb,
      after jsonb
    );
    create index audit_log_entity_idx on audit_log (entity_id, at);
    create index audit_log_plan_idx on audit_log (plan_id, at);

    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The foundation migration cannot be reversed: restore from a backup instead.'));
}
