import { readFile, readdir } from 'node:fs/promises';
import { format } from 'date-fns';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canCreatePlan, requireCanEditPlan } from '../auth/permissions.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { readFileToGrid } from './read-file.ts';
import { ImportFileError } from './import-file-error.ts';
import { interpretDocument } from './interpret/interpret-grid.ts';
import type { Role } from './interpret/column-roles.ts';
import { columnKey } from './interpret/table-schema.ts';
import { saveImportedPlan, type SaveImportResult } from './save/save-imported-plan.ts';
import { withoutLoopingLinks } from './save/imported-links.ts';

/** The demonstration plans ship with Waymark (demo/plans: copies of the five seed plans), so a fresh clone has them. */
export const DEMO_FOLDER = new URL('../../demo/plans/', import.meta.url);
/** Titles for the demonstration plans whose documents have no title line of their own. */
const DEMO_TITLES: Record<string, string> = { '004': 'Peer Challenge Improvement Plan 2013: progress to 30 September' };

export interface ImportChoices {
  title?: string;
  columnRoles?: Record<string, string>;
  levelLabels?: string[];
}

const signatureOf = (columns: { label: string }[]) => [...new Set(columns.map((c) => columnKey(c.label)))].sort().join('|');

/** An unreadable file becomes a 422 with the reader's message (it names the file and, where it can, the place). */
function asAppError(error: unknown): never {
  if (error instanceof ImportFileError) throw new AppError('import_failed', error.message, error.where);
  throw error;
}

export function createImportService(db: Db, plans: PlanService) {
  async function fyStartOf(actor: Actor) {
    return (await findOrganisation(db, actor.organisationId))?.fy_start_month ?? 4;
  }

  async function interpret(actor: Actor, bytes: Uint8Array, fileName: string, choices: ImportChoices) {
    const fyStartMonth = await fyStartOf(actor);
    const grid = await readFileToGrid(bytes, fileName).catch(asAppError);
    let document = interpretDocument(grid, { fyStartMonth, columnRoles: (choices.columnRoles ?? {}) as Record<string, Role> });
    let mappingUsed = false;
    if (!choices.columnRoles) {
      const saved = await db
        .selectFrom('import_mappings')
        .where('organisation_id', '=', actor.organisationId)
        .where('signature', '=', signatureOf(document.columns))
        .selectAll()
        .executeTakeFirst();
      if (saved) {
        document = interpretDocument(grid, { fyStartMonth, columnRoles: saved.column_roles as Record<string, Role> });
        mappingUsed = true;
      }
    }
    // A loop of dependencies in the document's loose text is left out with a warning the preview shows.
    return { document: { ...document, plan: withoutLoopingLinks(document.plan) }, fyStartMonth, mappingUsed };
  }

  async function session(actor: Actor, id: string) {
    const row = await db.selectFrom('import_sessions').where('organisation_id', '=', actor.organisationId).where('user_id', '=', actor.userId).where('id', '=', id).selectAll().executeTakeFirst();
    if (!row) throw notFound('The import');
    return row;
  }

  async function checkTarget(actor: Actor, planId: string | null) {
    if (planId) requireCanEditPlan(actor, await plans.getPlan(actor, planId));
    else if (!canCreatePlan(actor)) throw forbidden('import plans');
  }

  async function save(actor: Actor, fileName: string, bytes: Uint8Array, choices: ImportChoices, planId: string | null): Promise<SaveImportResult> {
    await checkTarget(actor, planId);
    const { document, fyStartMonth } = await interpret(actor, bytes, fileName, choices);
    const existingPlan = planId ? await plans.getPlan(actor, planId) : undefined;
    const result = await db.transaction().execute(async (trx) => {
      const saved = await saveImportedPlan(trx, actor, document.plan, { fileName, fyStartMonth, title: choices.title, levelLabels: choices.levelLabels, existingPlan, today: format(new Date(), 'yyyy-MM-dd') });
      if (choices.columnRoles) {
        await trx
          .insertInto('import_mappings')
          .values({ organisation_id: actor.organisationId, signature: signatureOf(document.columns), column_roles: JSON.stringify(choices.columnRoles), level_labels: JSON.stringify(choices.levelLabels ?? []), updated_at: new Date() })
          .onConflict((oc) => oc.columns(['organisation_id', 'signature']).doUpdateSet({ column_roles: JSON.stringify(choices.columnRoles), level_labels: JSON.stringify(choices.levelLabels ?? []), updated_at: new Date() }))
          .execute();
      }
      return saved;
    });
    // PGlite has no autovacuum: refresh the planner's statistics after a bulk write.
    await sql`analyze items, item_people, updates, date_revisions, relations, audit_log`.execute(db);
    return result;
  }

  return {
    /** Keeps the uploaded file (after checking it can be read) until the officer confirms the preview. */
    async upload(actor: Actor, fileName: string, bytes: Uint8Array, planId: string | null): Promise<string> {
      await checkTarget(actor, planId);
      await readFileToGrid(bytes, fileName).catch(asAppError);
      const row = await db
        .insertInto('import_sessions')
        .values({ organisation_id: actor.organisationId, user_id: actor.userId, plan_id: planId, file_name: fileName, bytes: Buffer.from(bytes), options: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async preview(actor: Actor, id: string) {
      const row = await session(actor, id);
      const { document, mappingUsed } = await interpret(actor, row.bytes, row.file_name, row.options);
      const plan = row.plan_id ? await plans.getPlan(actor, row.plan_id) : null;
      return { session: row, document, mappingUsed, plan };
    },

    async choose(actor: Actor, id: string, choices: ImportChoices): Promise<void> {
      await session(actor, id);
      await db.updateTable('import_sessions').set({ options: JSON.stringify(choices) }).where('id', '=', id).execute();
    },

    async cancel(actor: Actor, id: string): Promise<void> {
      await session(actor, id);
      await db.deleteFrom('import_sessions').where('id', '=', id).execute();
    },

    async confirm(actor: Actor, id: string): Promise<SaveImportResult> {
      const row = await session(actor, id);
      const result = await save(actor, row.file_name, row.bytes, row.options, row.plan_id);
      await db.deleteFrom('import_sessions').where('id', '=', id).execute();
      return result;
    },

    /** Imports a file straight away (the command line, tests). */
    importFile: (actor: Actor, fileName: string, bytes: Uint8Array, choices: ImportChoices = {}, planId: string | null = null) => save(actor, fileName, bytes, choices, planId),

    /** The five demonstration plans in demo/plans, each imported in its own transaction. */
    async importDemo(actor: Actor): Promise<SaveImportResult[]> {
      if (!canCreatePlan(actor)) throw forbidden('import plans');
      const files = (await readdir(DEMO_FOLDER).catch(() => [] as string[])).filter((f) => f.endsWith('.txt')).sort();
      if (files.length === 0) throw new AppError('import_failed', 'The demonstration plans were not found: they should be in the demo/plans folder of Waymark.');
      const results: SaveImportResult[] = [];
      for (const file of files) {
        const title = DEMO_TITLES[file.slice(0, 3)];
        results.push(await save(actor, file, await readFile(new URL(file, DEMO_FOLDER)), title ? { title } : {}, null));
      }
      return results;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
