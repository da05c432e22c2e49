import { RAG_LABELS, RAG_ORDER } from '../updates/domain/plan-rules.ts';
import type { PlanModel } from './plan-model.ts';

export interface PlanSummary {
  actions: number;
  withUpdate: number;
  byRag?: { rag: string | null; label: string; count: number }[];
  byStatus?: { status: string; count: number }[];
}

/** Actions and milestones by the RAG and the status of their latest update, for what the audience may see. */
export function summariseModel(model: PlanModel): PlanSummary {
  const actions = model.entries.filter((entry) => entry.raw.kind === 'action' || entry.raw.kind === 'milestone');
  const sees = model.scope.view.sees;
  const rag = new Map<string, number>();
  const status = new Map<string, number>();
  for (const { raw } of actions) {
    const code = raw.latest?.rag ?? 'none';
    rag.set(code, (rag.get(code) ?? 0) + 1);
    if (raw.latest?.status) status.set(raw.latest.status, (status.get(raw.latest.status) ?? 0) + 1);
  }
  return {
    actions: actions.length,
    withUpdate: actions.filter((entry) => entry.raw.latest !== null).length,
    ...(sees('rag')
      ? { byRag: [...RAG_ORDER.map((code) => ({ rag: code, label: RAG_LABELS[code], count: rag.get(code) ?? 0 })), { rag: null, label: 'No published rating', count: rag.get('none') ?? 0 }] }
      : {}),
    ...(sees('status') ? { byStatus: [...status].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, count]) => ({ status: label, count })) } : {}),
  };
}
