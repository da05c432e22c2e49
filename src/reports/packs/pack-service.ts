import type { Actor } from '../../auth/actor.ts';
import { requireAnyRole } from '../../auth/permissions.ts';
import { recordAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/connection.ts';
import type { ReportFormat } from '../../db/schema.ts';
import { InvalidFields, notFound } from '../../errors.ts';
import type { PlanService } from '../../plans/plan-service.ts';
import { comparePackRows } from '../model/compare-packs.ts';
import { reportModelSchema } from '../model/report-model.ts';
import { parsePackLabel } from './pack-label.ts';
import {
  allowPackAdministration, deletePackRow, findPack, findPackFile, listPackFiles, listPlanPacks, updatePackLabel,
} from './pack-repository.ts';

/** Issued packs: listing, reading, comparing; and the administrator's audited changes to a pack's name or its removal. */
export function createPackService(db: Db, plans: PlanService) {
  async function getPack(actor: Actor, planId: string, packId: string) {
    const plan = await plans.getPlan(actor, planId);
    const pack = await findPack(db, actor.organisationId, planId, packId);
    if (!pack) throw notFound('The report pack');
    const files = await listPackFiles(db, actor.organisationId, packId);
    return { plan, pack: { ...pack, model: reportModelSchema.parse(pack.model) }, files };
  }

  async function adminPack(actor: Actor, planId: string, packId: string, action: string) {
    await plans.getPlan(actor, planId);
    requireAnyRole(actor, action, 'admin');
    const pack = await findPack(db, actor.organisationId, planId, packId);
    if (!pack) throw notFound('The report pack');
    const files = await listPackFiles(db, actor.organisationId, packId);
    const { model: _model, ...before } = pack;
    return { ...before, files };
  }

  return {
    getPack,

    async listPacks(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      return { plan, packs: await listPlanPacks(db, actor.organisationId, planId) };
    },

    async packFile(actor: Actor, planId: string, packId: string, format: ReportFormat) {
      await plans.getPlan(actor, planId);
      if (!(await findPack(db, actor.organisationId, planId, packId))) throw notFound('The report pack');
      const file = await findPackFile(db, actor.organisationId, packId, format);
      if (!file) throw notFound('The file');
      return file;
    },

    /** What changed from one pack to another, in the later pack's order (new, closed, RAG, dates, status, text). */
    async comparePacks(actor: Actor, planId: string, fromId: string, toId: string) {
      const [from, to] = await Promise.all([getPack(actor, planId, fromId), getPack(actor, planId, toId)]);
      return { plan: from.plan, from: from.pack, to: to.pack, entries: comparePackRows(from.pack.model.rows, to.pack.model.rows) };
    },

    /** Renames a pack or changes its note: administrators only, audited. Its files and data never change. */
    async relabelPack(actor: Actor, planId: string, packId: string, values: { title: string; note: string }) {
      const before = await adminPack(actor, planId, packId, 'change an issued report pack');
      const parsed = parsePackLabel(values);
      if (!parsed.ok) throw new InvalidFields(parsed.issues);
      await db.transaction().execute(async (trx) => {
        await allowPackAdministration(trx);
        await updatePackLabel(trx, actor.organisationId, packId, parsed.label);
        await recordAudit(trx, actor, { entityType: 'report_pack', entityId: packId, planId, action: 'update', before, after: { ...before, ...parsed.label } });
      });
    },

    /** Removes a pack and its files: administrators only, with the reason and each file's SHA-256 in the audit log. */
    async deletePack(actor: Actor, planId: string, packId: string, reason: string) {
      const before = await adminPack(actor, planId, packId, 'delete an issued report pack');
      const why = reason.trim();
      if (why === '') throw new InvalidFields([{ path: 'reason', message: 'Enter why the pack is being deleted' }]);
      if (why.length > 1000) throw new InvalidFields([{ path: 'reason', message: 'The reason must be 1,000 characters or fewer' }]);
      await db.transaction().execute(async (trx) => {
        await allowPackAdministration(trx);
        await recordAudit(trx, actor, { entityType: 'report_pack', entityId: packId, planId, action: 'delete', before, after: { reason: why } });
        await deletePackRow(trx, actor.organisationId, packId);
      });
    },
  };
}

export type PackService = ReturnType<typeof createPackService>;
