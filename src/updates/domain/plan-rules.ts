import type { PlanSettings, RagCode, StatusWord } from '../../db/schema.ts';

export const DEFAULT_STATUSES: StatusWord[] = [
  { label: 'Not started', complete: false },
  { label: 'On target', complete: false },
  { label: 'At risk', complete: false },
  { label: 'Off target', complete: false },
  { label: 'Achieved', complete: true },
  { label: 'Completed', complete: true },
];

export type PlanRules = Required<PlanSettings>;

/** The plan's update-cycle rules with Waymark's defaults filled in. */
export function rulesOf(settings: PlanSettings | null | undefined): PlanRules {
  return {
    statuses: settings?.statuses?.length ? settings.statuses : DEFAULT_STATUSES,
    ragMode: settings?.ragMode ?? 'schedule',
    amberDays: settings?.amberDays ?? 30,
    completeRag: settings?.completeRag ?? 'blue',
    rollup: settings?.rollup ?? 'worst',
    correctiveActionOn: settings?.correctiveActionOn ?? ['red'],
    usesPercentComplete: settings?.usesPercentComplete ?? false,
    evidenceRequiredForComplete: settings?.evidenceRequiredForComplete ?? false,
  };
}

export const isCompleteStatus = (rules: PlanRules, status: string | null | undefined) =>
  Boolean(status && rules.statuses.some((s) => s.complete && s.label.toLowerCase() === status.toLowerCase()));

export const RAG_LABELS: Record<RagCode, string> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue – complete' };
export const RAG_ORDER: RagCode[] = ['red', 'amber', 'green', 'blue'];
export const DIRECTION_LABELS = { improving: 'Improving ↑', same: 'No change →', worse: 'Getting worse ↓' } as const;
