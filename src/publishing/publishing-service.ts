import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { hasAnyRole, requireAnyRole } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { forbidden } from '../errors.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { listPeriods } from '../updates/period-repository.ts';
import { papersDateOf, ukDate } from './publication-dates.ts';
import { fieldsOfPlan } from './publishing-fields.ts';
import type { PublishingForm } from './publishing-form.ts';
import { OGL_V3, publishingRulesOf, publishingSettingsOf, type Licence, type PublishingSettings } from './publishing-rules.ts';
import { deleteOrganisationLicence, findOrganisationById, findOrganisationLicence, upsertOrganisationLicence, writePublishingSettings } from './publishing-repository.ts';

/** Administrators and the plan's own owner decide what a plan publishes. */
export const canManagePublishing = (actor: Actor, plan: Pick<Plan, 'owner_user_id'>) =>
  hasAnyRole(actor, 'admin') || (actor.roles.has('plan_owner') && plan.owner_user_id === actor.userId);

/** One audit entry per setting that changed: which field, from what, to what. */
function changes(before: PublishingSettings, after: PublishingSettings, defaults: Record<string, string>): { key: string; from: unknown; to: unknown }[] {
  const out: { key: string; from: unknown; to: unknown }[] = [];
  for (const key of ['published', 'daysBeforeMeeting', 'releasedUpTo'] as const) {
    if (before[key] !== after[key]) out.push({ key, from: before[key], to: after[key] });
  }
  if (JSON.stringify(before.licence) !== JSON.stringify(after.licence)) out.push({ key: 'licence', from: before.licence, to: after.licence });
  for (const field of new Set([...Object.keys(before.visibility), ...Object.keys(after.visibility)])) {
    const from = before.visibility[field] ?? defaults[field] ?? null;
    const to = after.visibility[field] ?? defaults[field] ?? null;
    if (from !== to) out.push({ key: `visibility.${field}`, from, to });
  }
  return out;
}

export function createPublishingService(db: Db, plans: PlanService) {
  async function managedPlan(actor: Actor, planId: string) {
    const plan = await plans.getPlan(actor, planId);
    if (!canManagePublishing(actor, plan)) throw forbidden('change what this plan publishes');
    return plan;
  }

  async function write(actor: Actor, plan: Plan, after: PublishingSettings) {
    const before = publishingSettingsOf(plan.settings);
    const defaults = Object.fromEntries(fieldsOfPlan(plan.custom_fields).map((field) => [field.key, field.defaultVisibility]));
    const changed = changes(before, after, defaults);
    await db.transaction().execute(async (trx) => {
      await writePublishingSettings(trx, actor.organisationId, plan.id, after);
      for (const change of changed) {
        await recordAudit(trx, actor, { entityType: 'plan_publishing', entityId: plan.id, planId: plan.id, action: `publishing.${change.key}`, before: { [change.key]: change.from }, after: { [change.key]: change.to } });
      }
    });
    return changed.length;
  }

  return {
    /** The publishing page: the rules, each period's papers day and whether its updates are out yet. */
    async page(actor: Actor, planId: string, now = new Date()) {
      const plan = await managedPlan(actor, planId);
      const rules = publishingRulesOf(plan);
      const [periods, organisationLicence, organisation] = await Promise.all([
        listPeriods(db, actor.organisationId, planId),
        findOrganisationLicence(db, actor.organisationId),
        findOrganisationById(db, actor.organisationId),
      ]);
      const today = ukDate(now);
      return {
        plan,
        rules,
        organisationSlug: organisation?.slug ?? '',
        organisationLicence: organisationLicence ? { name: organisationLicence.licence_name, url: organisationLicence.licence_url } : OGL_V3,
        periods: periods.map((period) => {
          const papers = papersDateOf(period.meetings, rules.daysBeforeMeeting);
          return { id: period.id, label: period.label, meetings: period.meetings, papers, out: papers !== null && papers <= today };
        }),
      };
    },

    /** Saves the rules; returns how many settings changed (each has its own audit entry). */
    async save(actor: Actor, planId: string, form: PublishingForm): Promise<number> {
      const plan = await managedPlan(actor, planId);
      const before = publishingSettingsOf(plan.settings);
      return write(actor, plan, { ...before, published: form.published, daysBeforeMeeting: form.daysBeforeMeeting, visibility: form.visibility, licence: form.licence });
    },

    /** "Publish now": every update approved (and date agreed) up to this moment is published at once. */
    async publishNow(actor: Actor, planId: string, now = new Date()): Promise<void> {
      const plan = await managedPlan(actor, planId);
      await write(actor, plan, { ...publishingSettingsOf(plan.settings), releasedUpTo: now.toISOString() });
    },

    async organisationLicence(actor: Actor): Promise<{ licence: Licence; isDefault: boolean }> {
      requireAnyRole(actor, 'manage the open-data licence', 'admin');
      const row = await findOrganisationLicence(db, actor.organisationId);
      return row ? { licence: { name: row.licence_name, url: row.licence_url }, isDefault: false } : { licence: OGL_V3, isDefault: true };
    },

    /** Sets the organisation's licence for open data (null: back to OGL v3). */
    async saveOrganisationLicence(actor: Actor, licence: Licence | null): Promise<void> {
      requireAnyRole(actor, 'manage the open-data licence', 'admin');
      const before = await findOrganisationLicence(db, actor.organisationId);
      await db.transaction().execute(async (trx) => {
        if (licence) await upsertOrganisationLicence(trx, actor.organisationId, licence);
        else await deleteOrganisationLicence(trx, actor.organisationId);
        await recordAudit(trx, actor, {
          entityType: 'organisation_publishing',
          entityId: actor.organisationId,
          action: 'publishing.licence',
          before: before ? { name: before.licence_name, url: before.licence_url } : null,
          after: licence,
        });
      });
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
