import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Insertable } from 'kysely';
import type { Item, Plan, Update, UpdatesTable } from '../db/schema.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { conflict, forbidden, InvalidFields, notFound } from '../errors.ts';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemService } from '../items/item-service.ts';
import { listItemPeople } from '../items/item-repository.ts';
import { isCompleteStatus, RAG_LABELS, rulesOf, type PlanRules } from './domain/plan-rules.ts';
import type { ReviewForm, UpdateForm } from './update-form.ts';
import { canReview, canUpdateItem } from './update-permissions.ts';
import { checkEvidence, type EvidenceUpload } from './evidence-files.ts';
import { findDraft, findUpdate, insertUpdate, updateIfCurrent } from './update-repository.ts';
import { insertRevision, listItemRevisions } from './revision-repository.ts';
import { currentPeriod } from './period-repository.ts';

export type UpdateService = ReturnType<typeof createUpdateService>;
type UpdateValues = Pick<
  Insertable<UpdatesTable>,
  'status' | 'rag_proposed' | 'direction' | 'percent_complete' | 'narrative' | 'corrective_action' | 'revised_target_text' | 'revised_target_start' | 'revised_target_end' | 'revision_reason' | 'state' | 'submitted_at'
>;

const today = () => format(new Date(), 'yyyy-MM-dd');

/** The date an item is now due: its latest agreed revision, else its original target. */
export function effectiveTarget(item: Pick<Item, 'target_text' | 'target_end'>, revisions: { to_text: string; to_end: string | null }[]) {
  const latest = revisions.at(-1);
  return latest ? { text: latest.to_text, end: latest.to_end } : { text: item.target_text, end: item.target_end };
}

export function createUpdateService(db: Db, plans: PlanService, items: ItemService) {
  async function context(actor: Actor, planId: string, itemId: string) {
    const plan = await plans.getPlan(actor, planId);
    const item = await items.getItem(actor, planId, itemId);
    const people = await listItemPeople(db, actor.organisationId, planId, [itemId]);
    const leads = people.filter((p) => p.role === 'lead');
    return { plan, item, leads, rules: rulesOf(plan.settings), canUpdate: canUpdateItem(actor, plan, leads.map((l) => l.personId)) };
  }

  async function validate(actor: Actor, plan: Plan, item: Item, rules: PlanRules, form: UpdateForm, hasEvidence: boolean) {
    const issues: { path: string; message: string }[] = [];
    if (!rules.statuses.some((s) => s.label === form.status)) issues.push({ path: 'status', message: 'Select a status from the list' });
    if (form.intent === 'submit' && !form.ragProposed) issues.push({ path: 'ragProposed', message: 'Select a RAG rating' });
    if (form.ragProposed && rules.correctiveActionOn.includes(form.ragProposed) && !form.correctiveAction && form.intent === 'submit') {
      issues.push({ path: 'correctiveAction', message: `Enter a corrective action: this plan asks for one when the rating is ${RAG_LABELS[form.ragProposed].toLowerCase()}` });
    }
    let revised: { start: string | null; end: string | null } | null = null;
    if (form.revisedTargetText) {
      const organisation = await findOrganisation(db, actor.organisationId);
      const parsed = parseFuzzyDate(form.revisedTargetText, { fyStartMonth: organisation?.fy_start_month ?? 4 });
      if (!parsed.end) {
        issues.push({ path: 'revisedTargetText', message: 'Enter the revised target date as a date Waymark can read, for example 30/06/2026, June 2026 or Q1 2026/27' });
      } else {
        const floor = [item.target_start, plan.period_start].filter((d): d is string => Boolean(d)).sort().at(-1);
        if (floor && parsed.end < floor) issues.push({ path: 'revisedTargetText', message: `The revised target date must be on or after ${format(new Date(floor), 'd MMMM yyyy')}, when the ${item.target_start === floor ? 'action' : 'plan'} starts` });
        revised = { start: parsed.start, end: parsed.end };
      }
      if (!form.revisionReason) issues.push({ path: 'revisionReason', message: 'Say why the target date needs to change' });
    } else if (form.revisionReason) {
      issues.push({ path: 'revisedTargetText', message: 'Enter the revised target date, or remove the reason' });
    }
    if (form.intent === 'submit' && rules.evidenceRequiredForComplete && isCompleteStatus(rules, form.status) && !hasEvidence) {
      issues.push({ path: 'evidence', message: 'Attach evidence before marking the action complete: this plan asks for it' });
    }
    if (issues.length > 0) throw new InvalidFields(issues);
    return revised;
  }

  /** Permission and every check, then the column values an update would get. Reads only; writes nothing. */
  async function prepare(actor: Actor, planId: string, itemId: string, form: UpdateForm, options: { draftId?: string; files?: EvidenceUpload[] }) {
    const { plan, item, rules, canUpdate } = await context(actor, planId, itemId);
    if (!canUpdate) throw forbidden('post updates on this action');
    const files = (options.files ?? []).map((file) => ({ ...file, type: checkEvidence(file) }));
    const kept = options.draftId
      ? await db.selectFrom('evidence_files').where('organisation_id', '=', actor.organisationId).where('update_id', '=', options.draftId).select('id').execute()
      : [];
    const revised = await validate(actor, plan, item, rules, form, files.length + kept.length > 0);
    const values: UpdateValues = {
      status: form.status,
      rag_proposed: form.ragProposed,
      direction: form.direction,
      percent_complete: form.percentComplete,
      narrative: form.narrative,
      corrective_action: form.correctiveAction,
      revised_target_text: form.revisedTargetText,
      revised_target_start: revised?.start ?? null,
      revised_target_end: revised?.end ?? null,
      revision_reason: form.revisionReason,
      state: form.intent === 'submit' ? ('submitted' as const) : ('draft' as const),
      submitted_at: form.intent === 'submit' ? new Date() : null,
    };
    return { values, files };
  }

  async function insertNew(trx: Db, actor: Actor, planId: string, itemId: string, periodId: string | null, values: UpdateValues & { source?: string }) {
    const saved = await insertUpdate(trx, {
      organisation_id: actor.organisationId,
      plan_id: planId,
      item_id: itemId,
      period_id: periodId,
      as_of: today(),
      author_user_id: actor.userId,
      author_name: actor.name,
      updated_at: new Date(),
      ...values,
    });
    await recordAudit(trx, actor, { entityType: 'update', entityId: saved.id, planId, action: 'create', after: saved });
    return saved;
  }

  return {
    context,

    async draftFor(actor: Actor, planId: string, itemId: string): Promise<Update | undefined> {
      const { plan } = await context(actor, planId, itemId);
      void plan;
      return findDraft(db, actor.organisationId, itemId);
    },

    /** Saves the lead's draft (kept, editable) or submits it for review. Nothing is saved when anything is wrong. */
    async saveUpdate(actor: Actor, planId: string, itemId: string, form: UpdateForm, options: { draftId?: string; version?: number; files?: EvidenceUpload[] } = {}): Promise<Update> {
      const { values, files } = await prepare(actor, planId, itemId, form, options);
      const period = await currentPeriod(db, actor.organisationId, planId, today());
      return db.transaction().execute(async (trx) => {
        let saved: Update | undefined;
        if (options.draftId) {
          const draft = await findUpdate(trx, actor.organisationId, options.draftId);
          if (!draft || draft.item_id !== itemId || draft.state !== 'draft') throw notFound('The draft update');
          saved = await updateIfCurrent(trx, actor.organisationId, draft.id, options.version ?? -1, values);
          if (!saved) {
            const latest = await findUpdate(trx, actor.organisationId, draft.id);
            throw conflict(`${latest?.author_name ?? 'Someone'} changed this draft while you were editing it. Your text is below but has not been saved: check it and save again.`);
          }
          await recordAudit(trx, actor, { entityType: 'update', entityId: draft.id, planId, action: 'update', before: draft, after: saved });
        } else {
          saved = await insertNew(trx, actor, planId, itemId, period?.id ?? null, values);
        }
        for (const file of files) {
          await trx.insertInto('evidence_files').values({ organisation_id: actor.organisationId, update_id: saved.id, file_name: file.fileName, content_type: file.type, size_bytes: file.data.length, data: file.data }).execute();
        }
        return saved;
      });
    },

    /** Runs every check saveUpdate would (permission, vocabulary, dates, corrective action) without saving: throws as it would. */
    async checkUpdate(actor: Actor, planId: string, itemId: string, form: UpdateForm): Promise<void> {
      await prepare(actor, planId, itemId, form, {});
    },

    /**
     * Drafts on many actions at once (the update sheet): every entry is checked first, then all are written in ONE
     * transaction, replacing the lead's existing draft on an action. Nothing is saved when any entry is wrong.
     */
    async saveDrafts(actor: Actor, planId: string, entries: { itemId: string; form: UpdateForm }[], source = 'sheet'): Promise<Update[]> {
      const prepared: { itemId: string; values: UpdateValues }[] = [];
      for (const entry of entries) {
        prepared.push({ itemId: entry.itemId, values: (await prepare(actor, planId, entry.itemId, { ...entry.form, intent: 'draft' }, {})).values });
      }
      const period = await currentPeriod(db, actor.organisationId, planId, today());
      return db.transaction().execute(async (trx) => {
        const saved: Update[] = [];
        for (const { itemId, values } of prepared) {
          const draft = await findDraft(trx, actor.organisationId, itemId);
          const replaced = draft ? await updateIfCurrent(trx, actor.organisationId, draft.id, draft.version, { ...values, source }) : undefined;
          if (draft && !replaced) throw conflict('Someone changed a draft on one of these actions while the sheet was being saved. Nothing has been saved: upload the sheet again.');
          if (draft && replaced) await recordAudit(trx, actor, { entityType: 'update', entityId: draft.id, planId, action: 'update', before: draft, after: replaced });
          saved.push(replaced ?? (await insertNew(trx, actor, planId, itemId, period?.id ?? null, { ...values, source })));
        }
        return saved;
      });
    },

    /** A reviewer approves (confirming or changing the RAG; a revised date is then agreed) or returns with a comment. */
    async review(actor: Actor, updateId: string, form: ReviewForm): Promise<Update> {
      const update = await findUpdate(db, actor.organisationId, updateId);
      if (!update) throw notFound('The update');
      const plan = await plans.getPlan(actor, update.plan_id);
      if (!canReview(actor, plan)) throw forbidden('review updates');
      if (update.state !== 'submitted') throw conflict(`This update has already been ${update.state === 'approved' ? 'approved' : 'returned'}${update.reviewer_name ? ` by ${update.reviewer_name}` : ''}.`);
      const item = await items.getItem(actor, update.plan_id, update.item_id);
      return db.transaction().execute(async (trx) => {
        const now = new Date();
        const reviewed = await updateIfCurrent(trx, actor.organisationId, update.id, update.version, {
          state: form.decision === 'approve' ? 'approved' : 'returned',
          rag_confirmed: form.decision === 'approve' ? form.ragConfirmed : null,
          reviewer_user_id: actor.userId,
          reviewer_name: actor.name,
          reviewed_at: now,
          review_comment: form.comment,
        });
        if (!reviewed) throw conflict('Someone else reviewed this update at the same time. Reload the page to see what they decided.');
        if (form.decision === 'approve' && update.revised_target_text && update.revision_reason) {
          const revisions = await listItemRevisions(trx, actor.organisationId, item.id);
          const from = effectiveTarget(item, revisions);
          const revision = await insertRevision(trx, {
            organisation_id: actor.organisationId,
            plan_id: item.plan_id,
            item_id: item.id,
            update_id: update.id,
            from_text: from.text,
            from_end: from.end,
            to_text: update.revised_target_text,
            to_start: update.revised_target_start,
            to_end: update.revised_target_end,
            reason: update.revision_reason,
            agreed_by_user_id: actor.userId,
            agreed_by_name: actor.name,
            agreed_at: now,
          });
          await recordAudit(trx, actor, { entityType: 'item', entityId: item.id, planId: item.plan_id, action: 'revise_date', after: revision });
        }
        await recordAudit(trx, actor, { entityType: 'update', entityId: update.id, planId: update.plan_id, action: form.decision === 'approve' ? 'approve' : 'return', before: update, after: reviewed });
        return reviewed;
      });
    },

    async getUpdate(actor: Actor, updateId: string) {
      const update = await findUpdate(db, actor.organisationId, updateId);
      if (!update) throw notFound('The update');
      const plan = await plans.getPlan(actor, update.plan_id);
      const item = await items.getItem(actor, update.plan_id, update.item_id);
      return { update, plan, item, canReview: canReview(actor, plan) };
    },
  };
}
