import type { PublicationScope } from '../publishing/publication-scope.ts';
import type { PublishedItem, PublishedUpdate } from '../publishing/published-shape.ts';
import { kindLabel, publishedLabel } from './portal-labels.ts';

/** Which columns and rows a portal page shows: only fields the audience may see. */
export function shownFields(scope: PublicationScope) {
  const sees = scope.view.sees;
  return {
    ref: sees('ref'),
    title: sees('title'),
    detail: sees('detail'),
    priority: sees('priority'),
    corporatePriorities: sees('corporatePriorities'),
    leads: sees('leads'),
    leadMembers: sees('leadMembers'),
    target: sees('target'),
    plannedMonths: sees('plannedMonths'),
    revisedDates: sees('revisedDates'),
    resources: sees('resources'),
    status: sees('status'),
    rag: sees('rag'),
    direction: sees('direction'),
    narrative: sees('narrative'),
    correctiveAction: sees('correctiveAction'),
    percentComplete: sees('percentComplete'),
    evidence: sees('evidence'),
    overdue: sees('target') && sees('status'),
  };
}

export interface PortalRow {
  id: string;
  depth: number;
  kind: string;
  kindLabel: string;
  label: string;
  leads: string;
  target: string;
  status: string;
  rag: string | null;
  ragLabel: string;
  overdue: boolean;
  publishedOn: string | null;
}

/** One row of the portal's plan table. */
export function portalRow(item: PublishedItem): PortalRow {
  const latest = item.latestUpdate;
  const revised = item.revisedDates?.at(-1);
  return {
    id: item.id,
    depth: Math.min(item.depth ?? 0, 4),
    kind: item.kind,
    kindLabel: kindLabel(item.kind),
    label: publishedLabel(item, 160),
    leads: [...(item.leads ?? []), ...(item.leadMembers ?? [])].join(', '),
    target: revised ? `${revised.toText} (revised)` : (item.target?.text ?? ''),
    status: latest?.status ?? '',
    rag: latest?.rag ?? null,
    ragLabel: latest?.ragLabel ?? '',
    overdue: item.overdue ?? false,
    publishedOn: latest?.publishedOn ?? null,
  };
}

/** The facts of an item, as summary-list rows (key, value), in the order a reader expects. */
export function itemFacts(item: PublishedItem): { key: string; value: string }[] {
  const facts: { key: string; value: string | null | undefined }[] = [
    { key: 'Reference', value: item.ref },
    { key: 'Kind', value: kindLabel(item.kind) },
    { key: 'Priority', value: item.priority },
    { key: 'Corporate priorities', value: item.corporatePriorities?.join(', ') },
    { key: 'Lead officers', value: item.leads?.join(', ') },
    { key: 'Lead members', value: item.leadMembers?.join(', ') },
    { key: 'Target date', value: item.target?.text },
    { key: 'Planned months', value: item.plannedMonths?.join(', ') },
    { key: 'Resources', value: item.resources },
    ...(item.customFields ?? []).map((field) => ({ key: field.label, value: field.value })),
  ];
  return facts.filter((fact): fact is { key: string; value: string } => typeof fact.value === 'string' && fact.value !== '');
}

/** An update's facts for the history list. */
export function updateFacts(update: PublishedUpdate): { key: string; value: string }[] {
  const facts: { key: string; value: string | null | undefined }[] = [
    { key: 'Status', value: update.status },
    { key: 'RAG rating', value: update.ragLabel },
    { key: 'Direction of travel', value: update.directionLabel },
    { key: '% complete', value: update.percentComplete === null || update.percentComplete === undefined ? null : `${update.percentComplete}%` },
    { key: 'Revised target date', value: update.revisedTarget ? `${update.revisedTarget.text}${update.revisedTarget.reason ? ` – ${update.revisedTarget.reason}` : ''}` : null },
  ];
  return facts.filter((fact): fact is { key: string; value: string } => typeof fact.value === 'string' && fact.value !== '');
}
