import { format, parseISO } from 'date-fns';
import type { DateRevision, RagCode, Update } from '../db/schema.ts';
import { DIRECTION_LABELS, RAG_LABELS, type PlanRules } from './domain/plan-rules.ts';
import type { UpdateFormValues } from './update-form.ts';

const short = (iso: string | null | undefined) => (iso ? format(parseISO(iso), 'dd/MM/yy') : '');
const day = (value: Date | string) => format(typeof value === 'string' ? parseISO(value) : value, 'd MMMM yyyy');

/** "Revised from 31/03/15 to 30/06/15: <reason> (agreed by <name>, <date>)" */
export function revisionSentence(r: Pick<DateRevision, 'from_text' | 'from_end' | 'to_text' | 'to_end' | 'reason' | 'agreed_by_name' | 'agreed_at'>): string {
  const from = r.from_end ? short(r.from_end) : r.from_text ?? 'no date';
  const to = r.to_end ? short(r.to_end) : r.to_text;
  return `Revised from ${from} to ${to}: ${r.reason} (agreed by ${r.agreed_by_name}, ${day(r.agreed_at)})`;
}

export const STATE_LABELS: Record<Update['state'], string> = { draft: 'Draft', submitted: 'Awaiting review', approved: 'Approved', returned: 'Returned' };
export const STATE_TAGS: Record<Update['state'], string> = { draft: 'govuk-tag--grey', submitted: 'govuk-tag--yellow', approved: 'govuk-tag--green', returned: 'govuk-tag--orange' };

export function updateRow(u: Update & { periodLabel?: string | null }) {
  return {
    id: u.id,
    state: u.state,
    stateLabel: STATE_LABELS[u.state],
    stateTag: STATE_TAGS[u.state],
    period: u.periodLabel ?? '',
    asOf: day(u.as_of),
    status: u.status ?? '',
    ragProposed: u.rag_proposed ? RAG_LABELS[u.rag_proposed] : '',
    ragConfirmed: u.rag_confirmed ? RAG_LABELS[u.rag_confirmed] : '',
    rag: u.rag_confirmed ?? u.rag_proposed,
    ragLabel: (u.rag_confirmed ?? u.rag_proposed) ? RAG_LABELS[(u.rag_confirmed ?? u.rag_proposed) as RagCode] : '',
    ragChanged: Boolean(u.rag_confirmed && u.rag_proposed && u.rag_confirmed !== u.rag_proposed),
    direction: u.direction ? DIRECTION_LABELS[u.direction] : '',
    percentComplete: u.percent_complete,
    narrative: u.narrative ?? '',
    correctiveAction: u.corrective_action ?? '',
    revised: u.revised_target_text ? `${u.revised_target_text}: ${u.revision_reason ?? ''}` : '',
    author: u.author_name,
    reviewer: u.reviewer_name ?? '',
    reviewComment: u.review_comment ?? '',
    reviewedAt: u.reviewed_at ? day(u.reviewed_at) : '',
  };
}

const ragItem = (value: RagCode, checked: string) => ({ value, text: RAG_LABELS[value], checked: checked === value });

export function updateFormOptions(values: UpdateFormValues, rules: PlanRules) {
  return {
    statusItems: rules.statuses.map((s) => ({ value: s.label, text: s.label, checked: values.status === s.label })),
    ragItems: (['red', 'amber', 'green', 'blue'] as RagCode[]).map((r) => ragItem(r, values.ragProposed)),
    directionItems: (Object.keys(DIRECTION_LABELS) as (keyof typeof DIRECTION_LABELS)[]).map((d) => ({ value: d, text: DIRECTION_LABELS[d], checked: values.direction === d })),
    usesPercentComplete: rules.usesPercentComplete,
    correctiveHint: `Required when the rating is ${rules.correctiveActionOn.map((r) => RAG_LABELS[r].toLowerCase()).join(' or ')}.`,
  };
}

export const valuesFromUpdate = (u: Update | undefined): UpdateFormValues => ({
  status: u?.status ?? '',
  ragProposed: u?.rag_proposed ?? '',
  direction: u?.direction ?? '',
  percentComplete: u?.percent_complete === null || u?.percent_complete === undefined ? '' : String(u.percent_complete),
  narrative: u?.narrative ?? '',
  correctiveAction: u?.corrective_action ?? '',
  revisedTargetText: u?.revised_target_text ?? '',
  revisionReason: u?.revision_reason ?? '',
  intent: 'draft',
});
