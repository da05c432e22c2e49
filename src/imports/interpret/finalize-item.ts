import { parseFuzzyDate } from '../../dates/fuzzy-date.ts';
import type { ImportedItem } from '../imported-plan.ts';
import type { Role } from './column-roles.ts';
import type { DraftItem, DraftValue } from './draft-plan.ts';
import { splitLeads } from './leads.ts';
import { revisedDate, statusOf } from './progress-status.ts';
import { relationsIn } from './relations.ts';

/**
 * A draft item as the ImportedPlan shows it: wrapped parts joined, the date parsed beside its text, leads split,
 * progress turned into updates with their status and date, a revised date and links to other actions read out.
 */
export function finalizeItem(item: DraftItem, fyStartMonth: number): ImportedItem {
  const values = [...item.values.values()];
  const of = (role: Role): DraftValue[] => values.filter((v) => v.role === role);
  const fields: Record<string, string> = {};
  if (item.printedRef !== null) fields['Printed ref'] = item.printedRef;
  for (const v of values) {
    if (v.role === 'field' || v.role === 'direction' || v.role === 'month') fields[v.key] = joinParts(v.parts);
  }
  const status = of('status').map((v) => joinParts(v.parts))[0] ?? null;
  const updates = of('progress').map((v) => {
    const text = joinParts(v.parts);
    return { asOf: v.asOf, status: status === null ? statusOf(text) : (statusOf(status) ?? status), text };
  });
  if (updates.length === 0 && status !== null) updates.push({ asOf: null, status: statusOf(status) ?? status, text: status });
  const revision = updates.map((u) => revisedDate(u.text)).filter((r) => r !== null).at(-1);
  if (revision) fields['Revised completion date'] = revision.to;
  const detail = item.detail.join('\n');
  const ownWords = [item.title, detail, ...updates.map((u) => u.text)].join('\n');
  return {
    ref: item.ref,
    kind: item.kind,
    title: item.title,
    detail: detail === '' ? null : detail,
    parentIndex: item.parent,
    leads: splitLeads(of('lead').map((v) => v.parts.join('\n')).join('\n')),
    leadMember: of('leadMember').map((v) => joinParts(v.parts)).join('; ') || null,
    priority: of('priority').map((v) => joinParts(v.parts))[0] ?? null,
    target: targetOf(of('start')[0], of('target')[0], fyStartMonth),
    plannedMonths: [...item.months].sort(),
    fields,
    updates,
    relations: relationsIn(ownWords, item.ref),
  };
}

function targetOf(start: DraftValue | undefined, end: DraftValue | undefined, fyStartMonth: number): ImportedItem['target'] {
  if (!start && !end) return null;
  const endText = end ? joinParts(end.parts) : '';
  const endDate = parseFuzzyDate(endText, { fyStartMonth });
  if (!start) return { text: endText, start: endDate.start, end: endDate.end };
  const startText = joinParts(start.parts);
  const startDate = parseFuzzyDate(startText, { fyStartMonth });
  return { text: [startText, endText].filter(Boolean).join(' – '), start: startDate.start, end: endDate.end ?? endDate.start };
}

/** Parts of a wrapped cell: a sentence that ended starts a new line, one cut off goes on after a space. */
export function joinParts(parts: string[]): string {
  return parts.reduce((joined, part) => (joined === '' ? part : `${joined}${/[.!?:;]$/.test(joined) ? '\n' : ' '}${part}`), '');
}
