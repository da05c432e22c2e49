import { format } from 'date-fns';
import type { ReportExceptions, RevisedDate } from '../model/report-model.ts';
import type { ReportExtras } from './report-extras.ts';
import type { RowDraft } from './report-rows.ts';

export interface ExceptionInputs {
  /** The rows the report shows. */
  drafts: readonly RowDraft[];
  counted: readonly string[];
  revisions: ReportExtras['revisions'];
  /** Revisions agreed after this moment are "this period's" (the period's start or the last pack); null: all. */
  revisedSince: Date | null;
  asAt: string;
}

/**
 * What needs members' attention: counted items rated red or amber, items past their (revised) target date and not
 * complete, target dates revised in the period with the reason and who agreed them, and corrective actions.
 */
export function reportExceptions(inputs: ExceptionInputs): ReportExceptions {
  const counted = inputs.drafts.filter((draft) => inputs.counted.includes(draft.row.kind));
  const shown = new Map(inputs.drafts.map((draft) => [draft.row.itemId, draft.row]));
  const since = inputs.revisedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
  const revisedDates: RevisedDate[] = inputs.revisions.flatMap((revision) => {
    const row = shown.get(revision.item_id);
    const agreed = new Date(revision.agreed_at);
    if (row === undefined || agreed.getTime() <= since) return [];
    return [{
      ref: row.ref, title: row.title, from: revision.from_text ?? row.target, to: revision.to_text,
      reason: revision.reason, agreedBy: revision.agreed_by_name, agreedOn: format(agreed, 'yyyy-MM-dd'),
    }];
  });
  return {
    redAmber: counted.filter((draft) => draft.row.rag === 'red' || draft.row.rag === 'amber').map((draft) => draft.row),
    overdue: counted
      .filter((draft) => !draft.complete && draft.effectiveEnd !== null && draft.effectiveEnd < inputs.asAt)
      .map((draft) => draft.row),
    revisedDates,
    correctiveActions: counted.flatMap(({ row }) => {
      const text = row.correctiveAction?.trim() ?? '';
      return text === '' ? [] : [{ ref: row.ref, title: row.title, text }];
    }),
  };
}
