import { sql, type Kysely } from 'kysely';

/**
 * Committee reports: templates per organisation, and issued packs with their files. An issued pack is frozen by a
 * trigger: its files can never be updated; the pack and its files can be deleted, and the pack's label and note
 * changed, only inside a transaction that has set `waymark.report_pack_admin` to 'on' (the service does this for
 * administrators, with an audit entry) or as a cascade from deleting its organisation or plan. The model, the
 * as-at date, the audience and who issued it never change, even for an administrator.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_templates (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      title text not null,
      introduction text not null default '',
      columns jsonb not null default '[]',
      sections jsonb not null,
      default_audience text,
      logo bytea,
      logo_media_type text check (logo_media_type in ('image/png', 'image/jpeg')),
      logo_width integer,
      logo_height integer,
      logo_alt text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, name)
    );

    create table report_packs (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      plan_id uuid not null references plans(id) on delete cascade,
      plan_ids uuid[] not null,
      title text not null,
      note text,
      audience text not null,
      as_at date not null,
      options jsonb not null,
      model jsonb not null,
      issued_at timestamptz not null default now(),
      issued_by_user_id uuid,
      issued_by_name text not null
    );
    create index report_packs_plan_idx on report_packs (plan_id, issued_at);
    create index report_packs_audience_idx on report_packs (plan_id, audience, as_at);

    create table report_pack_files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      pack_id uuid not null references report_packs(id) on delete cascade,
      format text not null check (format in ('html', 'docx', 'pdf', 'xlsx', 'csv')),
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      bytes bytea not null,
      unique (pack_id, format)
    );

    create function report_pack_is_frozen() returns trigger language plpgsql as $$
    declare
      admin boolean := coalesce(current_setting('waymark.report_pack_admin', true), '') = 'on';
    begin
      if tg_op = 'DELETE' then
        if admin or pg_trigger_depth() > 1 then
          return old;
        end if;
        raise exception 'an issued report pack can be deleted only by an administrator';
      end if;
      if new.model is distinct from old.model or new.as_at is distinct from old.as_at
          or new.audience is distinct from old.audience or new.plan_id is distinct from old.plan_id
          or new.plan_ids is distinct from old.plan_ids or new.options is distinct from old.options
          or new.issued_at is distinct from old.issued_at or new.issued_by_name is distinct from old.issued_by_name
          or new.issued_by_user_id is distinct from old.issued_by_user_id or new.organisation_id is distinct from old.organisation_id then
        raise exception 'the contents of an issued report pack never change';
      end if;
      if not admin then
        raise exception 'an issued report pack can be changed only by an administrator';
      end if;
      return new;
    end;
    $$;
    create trigger report_packs_frozen before update or delete on report_packs
      for each row execute function report_pack_is_frozen();

    create function report_pack_file_is_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        raise exception 'the files of an issued report pack never change';
      end if;
      if coalesce(current_setting('waymark.report_pack_admin', true), '') = 'on' or pg_trigger_depth() > 1 then
        return old;
      end if;
      raise exception 'the files of an issued report pack can be deleted only with their pack, by an administrator';
    end;
    $$;
    create trigger report_pack_files_frozen before update or delete on report_pack_files
      for each row execute function report_pack_file_is_frozen();
  `.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('The reports migration cannot be reversed: restore from a backup instead.'));
}
