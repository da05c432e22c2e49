import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { RagCode } from '../db/schema.ts';
import type { PlanService } from '../plans/plan-service.ts';
import type { ItemStatus } from '../plans/plan-page-view-model.ts';
import { loadPlanState, type PlanState } from '../plans/plan-state.ts';
import { DIRECTION_LABELS, isCompleteStatus, RAG_LABELS, rulesOf, type PlanRules } from './domain/plan-rules.ts';
import { suggestRag } from './domain/suggested-rag.ts';
import { rollUpTree } from './domain/roll-up.ts';

export interface ItemStatusDetail extends ItemStatus {
  suggested: boolean;
  reason: string | null;
  effectiveEnd: string | null;
  effectiveText: string | null;
  narrative: string | null;
  correctiveAction: string | null;
  percentComplete: number | null;
  asOf: string | null;
  daysSlipped: number;
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Every item's status from a plan's state: the latest approved update (its confirmed RAG), else the RAG the plan's
 * rules suggest from the (revised) target date and any knock-on; slippage from agreed revisions; parents rolled up.
 */
export function statusesFromState(state: PlanState, rules: PlanRules, today: string, knockOn: Map<string, string> = new Map()): Map<string, ItemStatusDetail> {
  const updateOf = new Map(state.approved.map((u) => [u.item_id, u]));
  const revisionsOf = new Map<string, PlanState['revisions']>();
  for (const r of state.revisions) revisionsOf.set(r.item_id, [...(revisionsOf.get(r.item_id) ?? []), r]);

  const result = new Map<string, ItemStatusDetail>();
  const own = new Map<string, RagCode>();
  for (const item of state.items) {
    const update = updateOf.get(item.id);
    const itemRevisions = revisionsOf.get(item.id) ?? [];
    const latest = itemRevisions.at(-1);
    const effectiveEnd = latest ? latest.to_end : item.target_end;
    const complete = isCompleteStatus(rules, update?.status);
    const suggestion =
      item.kind === 'action' || item.kind === 'milestone'
        ? suggestRag({ targetEnd: effectiveEnd, complete, today, knockOnReason: knockOn.get(item.id) ?? null }, rules)
        : null;
    const rag = update?.rag_confirmed ?? update?.rag_proposed ?? suggestion?.rag ?? null;
    if (rag) own.set(item.id, rag);
    result.set(item.id, {
      status: update?.status ?? null,
      rag,
      ragLabel: rag ? RAG_LABELS[rag] : null,
      direction: update?.direction ? DIRECTION_LABELS[update.direction] : null,
      complete,
      slipCount: itemRevisions.length,
      suggested: !update?.rag_confirmed && Boolean(suggestion),
      reason: update?.rag_confirmed ? null : (suggestion?.reason ?? null),
      effectiveEnd,
      effectiveText: latest ? latest.to_text : item.target_text,
      narrative: update?.narrative ?? null,
      correctiveAction: update?.corrective_action ?? null,
      percentComplete: update?.percent_complete ?? null,
      asOf: update?.as_of ?? null,
      daysSlipped: latest?.to_end && item.target_end ? Math.max(0, dayNumber(latest.to_end) - dayNumber(item.target_end)) : 0,
    });
  }
  const rolled = rollUpTree(state.items, own, rules.rollup);
  for (const [id, rag] of rolled) {
    const status = result.get(id);
    if (status && !status.rag) result.set(id, { ...status, rag, ragLabel: RAG_LABELS[rag], suggested: true, reason: 'Rolled up from the items beneath' });
  }
  return result;
}

export function createStatusService(db: Db, plans: PlanService) {
  return {
    /** Statuses as at a moment (null: now). Pass the plan's state when the caller already loaded it. */
    async statuses(actor: Actor, planId: string, asAt: Date | null, knockOn: Map<string, string> = new Map(), loaded?: PlanState): Promise<Map<string, ItemStatusDetail>> {
      const plan = await plans.getPlan(actor, planId);
      const state = loaded ?? (await loadPlanState(db, actor.organisationId, planId, asAt));
      return statusesFromState(state, rulesOf(plan.settings), format(asAt ?? new Date(), 'yyyy-MM-dd'), knockOn);
    },
  };
}
