import { format, parseISO } from 'date-fns';
import type { Item } from '../db/schema.ts';
import { ITEM_KINDS } from './item-form.ts';

const RELATION_LABELS: Record<string, { out: string; in: string }> = {
  depends_on: { out: 'Depends on', in: 'Needed by' },
  follows_on_from: { out: 'Follows on from', in: 'Followed by' },
  links_to: { out: 'Links to', in: 'Linked from' },
  duplicates: { out: 'Duplicates', in: 'Duplicated by' },
};

const PRECISION_WORDS: Record<string, string> = {
  day: 'a day',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
  financial_year: 'a financial year',
  range: 'a range of dates',
  recurring: 'recurring',
  ongoing: 'ongoing',
  unknown: 'not a date Waymark can read',
};

const long = (iso: string) => format(parseISO(iso), 'd MMMM yyyy');

/** "31 December 2014", "between 1 October 2025 and 31 December 2025 (a quarter)", "ongoing". */
export function targetMeaning(item: Pick<Item, 'target_text' | 'target_start' | 'target_end' | 'target_precision'>): string {
  if (!item.target_text) return '';
  const { target_start: start, target_end: end, target_precision: precision } = item;
  const words = PRECISION_WORDS[precision] ?? precision;
  if (start && end && start !== end) return `Between ${long(start)} and ${long(end)} (${words})`;
  if (end) return `${long(end)} (${words})`;
  if (start) return `From ${long(start)} (${words})`;
  return `Read as ${words}`;
}

export function relationRows(
  itemId: string,
  relations: { id: string; type: string; lag_days: number; from_item_id: string; to_item_id: string; fromRef: string | null; fromTitle: string; toRef: string | null; toTitle: string }[],
) {
  return relations.map((r) => {
    const outgoing = r.from_item_id === itemId;
    const labels = RELATION_LABELS[r.type] ?? { out: r.type, in: r.type };
    return {
      id: r.id,
      label: outgoing ? labels.out : labels.in,
      otherId: outgoing ? r.to_item_id : r.from_item_id,
      otherLabel: outgoing ? `${r.toRef ?? ''} ${r.toTitle}`.trim() : `${r.fromRef ?? ''} ${r.fromTitle}`.trim(),
      lag: r.lag_days ? `${r.lag_days} day${Math.abs(r.lag_days) === 1 ? '' : 's'} lag` : '',
    };
  });
}

export const kindText = (kind: string) => ITEM_KINDS.find((k) => k.value === kind)?.text ?? kind;
