import { format } from 'date-fns';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import type { CoreServices } from '../services.ts';
import { rulesOf } from '../updates/domain/plan-rules.ts';
import { canUpdateItem } from '../updates/update-permissions.ts';
import { currentPeriod } from '../updates/period-repository.ts';
import { checkSheetRows, type PreviewRow, type SheetCheck } from './sheet-check.ts';
import { readUpdateSheet, type SheetRow } from './sheet-reader.ts';
import { writeUpdateSheet, type SheetPlan } from './sheet-writer.ts';
import { itemsWithDrafts, planActions, plansLedBy } from './update-sheet-repository.ts';

export interface SheetFile {
  fileName: string;
  data: Buffer;
}

export type SheetPreview =
  | { ok: false; message: string }
  | { ok: true; sheetName: string; otherSheets: string[]; check: SheetCheck; previewRows: (PreviewRow & { replacesDraft: boolean })[]; rows: SheetRow[] };

const today = () => format(new Date(), 'yyyy-MM-dd');
const fileNameFor = (what: string) => `${what.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'plan'}-update-sheet-${today()}.xlsx`;

/** Bulk updates: the current period's sheet (XLSX) for a lead or a plan, and its upload back as draft updates. */
export function createUpdateSheetService(core: CoreServices) {
  const { db } = core;

  async function sheetPlan(actor: Actor, plan: Plan, onlyMine: boolean): Promise<SheetPlan> {
    const actions = (await planActions(db, actor.organisationId, plan.id)).filter((a) =>
      onlyMine ? a.leadIds.some((id) => actor.personIds.includes(id)) : canUpdateItem(actor, plan, a.leadIds),
    );
    const period = await currentPeriod(db, actor.organisationId, plan.id, today());
    return {
      planId: plan.id,
      planTitle: plan.title,
      periodLabel: period?.label ?? null,
      dueDate: period?.due_date ?? null,
      statuses: rulesOf(plan.settings).statuses.map((s) => s.label),
      actions: actions.map((a) => ({ id: a.id, ref: a.ref, title: a.title, lead: a.leadNames, target: a.target })),
    };
  }

  async function check(actor: Actor, plan: Plan, rows: SheetRow[]) {
    const actions = await planActions(db, actor.organisationId, plan.id);
    return checkSheetRows(actor, plan, rulesOf(plan.settings).statuses.map((s) => s.label), actions, rows, core.updates);
  }

  return {
    /** Every live plan's actions the actor leads, one worksheet per plan. */
    async leadSheet(actor: Actor): Promise<SheetFile> {
      const plans = await plansLedBy(db, actor.organisationId, actor.personIds);
      const sheets = await Promise.all(plans.map((plan) => sheetPlan(actor, plan, true)));
      return { fileName: fileNameFor(`my-actions`), data: await writeUpdateSheet(sheets) };
    },

    /** The plan's actions the actor may update. */
    async planSheet(actor: Actor, planId: string): Promise<SheetFile> {
      const plan = await core.plans.getPlan(actor, planId);
      return { fileName: fileNameFor(plan.title), data: await writeUpdateSheet([await sheetPlan(actor, plan, false)]) };
    },

    /** What the upload page shows before any file: the plan, its current period and how many actions the actor may update. */
    async page(actor: Actor, planId: string) {
      const plan = await core.plans.getPlan(actor, planId);
      const sheet = await sheetPlan(actor, plan, false);
      return { plan, periodLabel: sheet.periodLabel, dueDate: sheet.dueDate, actionCount: sheet.actions.length };
    },

    /** Reads an uploaded sheet and checks every row; saves nothing. */
    async preview(actor: Actor, planId: string, upload: SheetFile): Promise<SheetPreview> {
      const plan = await core.plans.getPlan(actor, planId);
      const reading = await readUpdateSheet(upload.data, upload.fileName, plan.id);
      if (!reading.ok) return reading;
      const result = await check(actor, plan, reading.rows);
      const drafts = await itemsWithDrafts(db, actor.organisationId, result.entries.map((e) => e.itemId));
      const accepted = new Set(result.rows.map((r) => r.rowNumber));
      return {
        ok: true,
        sheetName: reading.sheetName,
        otherSheets: reading.otherSheets,
        check: result,
        previewRows: result.rows.map((r) => ({ ...r, replacesDraft: drafts.has(r.itemId) })),
        rows: reading.rows.filter((r) => accepted.has(r.rowNumber)),
      };
    },

    /** Checks the previewed rows again and saves them all as drafts in one transaction, or nothing when any is wrong. */
    async confirm(actor: Actor, planId: string, rows: SheetRow[]): Promise<{ saved: number; check: SheetCheck }> {
      const plan = await core.plans.getPlan(actor, planId);
      const result = await check(actor, plan, rows);
      if (result.problems.length > 0 || result.entries.length === 0) return { saved: 0, check: result };
      const saved = await core.updates.saveDrafts(actor, plan.id, result.entries);
      return { saved: saved.length, check: result };
    },
  };
}
