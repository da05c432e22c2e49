import { ragColours, ragLabel } from '../model/rag.ts';
import type { ChangeEntry, ChangeKind, ReportModel } from '../model/report-model.ts';
import { changeKindLabels } from '../writers/outline-appendices.ts';
import { statusSentence } from '../writers/outline-summary.ts';

/** What a pack's page says of the report it froze: the summary sentence, the counts and the exceptions. */
export function packSummaryView(model: ReportModel) {
  return {
    sentence: statusSentence(model),
    byRag: model.summary.byRag.map((entry) => ({ label: ragLabel(entry.rag), count: entry.count, tagClass: ragColours[entry.rag].tagClass })),
    redAmber: model.exceptions.redAmber.length,
    overdue: model.exceptions.overdue.length,
    revisedDates: model.exceptions.revisedDates.length,
  };
}

const order: readonly ChangeKind[] = ['new', 'closed', 'rag', 'date', 'status', 'text'];

/** Changes between two packs, counted by kind and listed kind by kind (within a kind, in the later pack's order). */
export function comparisonView(entries: readonly ChangeEntry[]) {
  const groups = order.map((kind) => ({
    kind, label: changeKindLabels[kind], entries: entries.filter((entry) => entry.kind === kind),
  }));
  return { total: entries.length, groups: groups.filter((group) => group.entries.length > 0), tally: groups.map(({ label, entries: list }) => ({ label, count: list.length })) };
}
