import { sql, type Kysely } from 'kysely';

/** Measures and their actuals, the risk register with linked actions and reviews, and a plan's wider implications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table measures (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      item_id uuid references items(id) on delete set null,
      ref text,
      title text not null,
      unit text not null check (unit in ('number','percent','currency','count','yes_no','text')),
      polarity text not null check (polarity in ('higher_is_better','lower_is_better')),
      baseline jsonb,
      thresholds jsonb not null,
      targets jsonb not null default '[]',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index measures_plan_idx on measures (plan_id, created_at);
    create index measures_item_idx on measures (item_id);

    create table measure_values (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      measure_id uuid not null references measures(id) on delete cascade,
      period_key text not null,
      period_label text not null,
      value jsonb not null,
      entered_by_user_id uuid references users(id) on delete set null,
      entered_by_name text not null,
      entered_at timestamptz not null default now(),
      update_id uuid references updates(id) on delete set null,
      unique (measure_id, period_key)
    );

    create table risks (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      ref text,
      title text not null,
      cause text not null,
      effect text not null,
      owner_person_id uuid references people(id) on delete set null,
      owner_name text not null,
      inherent_likelihood integer not null check (inherent_likelihood >= 1),
      inherent_impact integer not null check (inherent_impact >= 1),
      residual_likelihood integer not null check (residual_likelihood >= 1),
      residual_impact integer not null check (residual_impact >= 1),
      target_likelihood integer check (target_likelihood >= 1),
      target_impact integer check (target_impact >= 1),
      controls jsonb not null default '[]',
      review_frequency text not null check (review_frequency in ('monthly','quarterly','six_monthly','annually')),
      next_review_date date not null,
      status text not null default 'open' check (status in ('open','closed')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index risks_plan_idx on risks (plan_id, created_at);
    create index risks_review_idx on risks (organisation_id, status, next_review_date);

    create table risk_actions (
      organisation_id uuid not null references organisations(id) on delete cascade,
      risk_id uuid not null references risks(id) on delete cascade,
      item_id uuid not null references items(id) on delete cascade,
      primary key (risk_id, item_id)
    );
    create index risk_actions_item_idx on risk_actions (item_id);

    create table risk_reviews (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      risk_id uuid not null references risks(id) on delete cascade,
      reviewed_by_user_id uuid references users(id) on delete set null,
      reviewer_name text not null,
      reviewed_at timestamptz not null default now(),
      inherent_likelihood integer not null,
      inherent_impact integer not null,
      residual_likelihood integer not null,
      residual_impact integer not null,
      target_likelihood integer,
      target_impact integer,
      note text,
      next_review_date date not null
    );
    create index risk_reviews_risk_idx on risk_reviews (risk_id, reviewed_at);

    create table plan_implications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      category text not null check (category in ('financial','legal','risk','equality','hr','climate','other')),
      heading text,
      body text not null,
      amount numeric(14,2),
      updated_by_name text not null,
      updated_at timestamptz not null default now(),
      unique (plan_id, category)
    );
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The measures and risks migration cannot be reversed: restore from a backup instead.'));
}
