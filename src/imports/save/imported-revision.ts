import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import type { ImportedItem } from '../imported-plan.ts';

const SENTENCE = /revised\s+completion\s+date[^.]*\./i;

/**
 * A "Revised completion date from X to Y" the document reported: the original target is kept on the item and the
 * revision is recorded (from, to, the sentence as its reason), as agreed by the import.
 */
export function importedRevision(item: ImportedItem, fyStartMonth: number) {
  const to = item.fields['Revised completion date'];
  if (!to) return null;
  const parsed = parseFuzzyDate(to, { fyStartMonth });
  const sentence = item.updates.map((u) => SENTENCE.exec(u.text)?.[0]).find(Boolean);
  return {
    from_text: item.target?.text ?? null,
    from_end: item.target?.end ?? null,
    to_text: to,
    to_start: parsed.start,
    to_end: parsed.end,
    reason: sentence ?? 'Revised date recorded in the imported plan',
  };
}

/** Revisions are the same when they revise the same item from the same date to the same date. */
export const revisionKey = (revision: { item_id: string; from_text: string | null; to_text: string }): string =>
  `${revision.item_id}|${revision.from_text ?? ''}|${revision.to_text}`;
