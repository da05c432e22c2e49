import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { RagCode } from '../../db/schema.ts';
import type { PlanRules } from './plan-rules.ts';

export interface RagSuggestion {
  rag: RagCode;
  reason: string;
}

/**
 * The schedule-based RAG: complete → blue (or green); past its (revised) target date → red; within the plan's amber
 * window → amber; otherwise green. Null when there is nothing to judge by (no date, or the plan sets RAG by hand).
 */
export function suggestRag(
  input: { targetEnd: string | null; complete: boolean; today: string; knockOnReason?: string | null },
  rules: PlanRules,
): RagSuggestion | null {
  if (input.complete) return { rag: rules.completeRag, reason: 'Complete' };
  if (rules.ragMode === 'manual') return null;
  if (input.knockOnReason) return { rag: 'amber', reason: input.knockOnReason };
  if (!input.targetEnd) return null;
  const days = differenceInCalendarDays(parseISO(input.targetEnd), parseISO(input.today));
  if (days < 0) return { rag: 'red', reason: `Overdue: the target date passed ${-days} day${days === -1 ? '' : 's'} ago` };
  if (days <= rules.amberDays) return { rag: 'amber', reason: `Due within ${rules.amberDays} days and not complete` };
  return { rag: 'green', reason: 'On schedule' };
}
