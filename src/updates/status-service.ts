import { format } from 'date-fns';
import { LRUCache } from 'lru-cache';
import { changeStamp } from '../plans/change-stamp.ts';
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

/** Knock-on reasons for a plan's items (the relations feature supplies them once it is built). */
export type KnockOnSource = (actor: Actor, planId: string, state: PlanState) => Promise<Map<string, string>>;

export function createStatusService(db: Db, plans: PlanService) {
  let knockOnSource: KnockOnSource | null = null;
  /** Statuses by plan, change stamp and day: every write is audited, so the stamp changes whenever they might. */
  const cache = new LRUCache<string, Map<string, ItemStatusDetail>>({ max: 50 });
  return {
    useKnockOn(source: KnockOnSource): void {
      knockOnSource = source;
    },

    /**
     * Statuses as at a moment (null: now, with the knock-on of late predecessors). Pass the plan's state when the
     * caller already loaded it, or knock-on reasons to judge by instead of today's (not cached then).
     */
    async statuses(actor: Actor, planId: string, asAt: Date | null, options: { state?: PlanState; knockOn?: Map<string, string> } = {}): Promise<Map<string, ItemStatusDetail>> {
      const plan = await plans.getPlan(actor, planId);
      const today = format(asAt ?? new Date(), 'yyyy-MM-dd');
      const key = `${planId}|${await changeStamp(db, actor.organisationId)}|${today}|${asAt?.toISOString() ?? 'now'}`;
      const cached = options.knockOn ? undefined : cache.get(key);
      if (cached) return cached;
      const state = options.state ?? (await loadPlanState(db, actor.organisationId, planId, asAt));
      const knockOn = options.knockOn ?? (asAt === null && knockOnSource ? await knockOnSource(actor, planId, state) : new Map<string, string>());
      const result = statusesFromState(state, rulesOf(plan.settings), today, knockOn);
      if (!options.knockOn) cache.set(key, result);
      return result;
    },
  };
}
