import { sql, type Kysely } from 'kysely';

/** The update cycle: reporting cycles and periods, leads' updates, date revisions, evidence and the reminder log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plans add column settings jsonb not null default '{}';

    create table reporting_cycles (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      name text not null,
      frequency text not null check (frequency in ('monthly','quarterly','custom')),
      due_days integer not null default 10,
      reminder_days integer not null default 5,
      created_at timestamptz not null default now()
    );
    create index reporting_cycles_plan_idx on reporting_cycles (plan_id);

    create table periods (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      cycle_id uuid not null references reporting_cycles(id) on delete cascade,
      label text not null,
      period_start date not null,
      period_end date not null,
      due_date date not null,
      meetings jsonb not null default '[]',
      check (period_end >= period_start)
    );
    create index periods_plan_idx on periods (plan_id, period_end);
    create index periods_due_idx on periods (due_date);

    create table updates (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      item_id uuid not null references items(id) on delete cascade,
      period_id uuid references periods(id) on delete set null,
      state text not null check (state in ('draft','submitted','approved','returned')),
      as_of date not null,
      status text,
      rag_proposed text check (rag_proposed in ('red','amber','green','blue')),
      rag_confirmed text check (rag_confirmed in ('red','amber','green','blue')),
      direction text check (direction in ('improving','same','worse')),
      percent_complete integer check (percent_complete between 0 and 100),
      narrative text,
      corrective_action text,
      revised_target_text text,
      revised_target_start date,
      revised_target_end date,
      revision_reason text,
      author_user_id uuid references users(id) on delete set null,
      author_name text not null,
      submitted_at timestamptz,
      reviewer_user_id uuid references users(id) on delete set null,
      reviewer_name text,
      reviewed_at timestamptz,
      review_comment text,
      source text not null default 'form',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index updates_item_idx on updates (item_id, created_at);
    create index updates_plan_state_idx on updates (plan_id, state, reviewed_at);
    create index updates_period_idx on updates (period_id);

    create table date_revisions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      item_id uuid not null references items(id) on delete cascade,
      update_id uuid references updates(id) on delete set null,
      from_text text,
      from_end date,
      to_text text not null,
      to_start date,
      to_end date,
      reason text not null,
      agreed_by_user_id uuid references users(id) on delete set null,
      agreed_by_name text not null,
      agreed_at timestamptz not null default now()
    );
    create index date_revisions_item_idx on date_revisions (item_id, agreed_at);
    create index date_revisions_plan_idx on date_revisions (plan_id, agreed_at);

    create table evidence_files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      update_id uuid not null references updates(id) on delete cascade,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      data bytea not null,
      created_at timestamptz not null default now()
    );
    create index evidence_files_update_idx on evidence_files (update_id);

    create table reminder_log (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      period_id uuid not null references periods(id) on delete cascade,
      item_id uuid references items(id) on delete cascade,
      kind text not null check (kind in ('before','due','overdue','digest')),
      recipient text not null,
      sent_at timestamptz not null default now()
    );
    create unique index reminder_log_once on reminder_log (period_id, coalesce(item_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, recipient);
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The update-cycle migration cannot be reversed: restore from a backup instead.'));
}
