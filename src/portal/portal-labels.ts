import type { ItemKind } from '../db/schema.ts';
import { ITEM_KINDS } from '../items/item-form.ts';
import type { PublishedUpdate } from '../publishing/published-shape.ts';

const KIND_LABELS = new Map(ITEM_KINDS.map((kind) => [kind.value, kind.text]));

export const kindLabel = (kind: ItemKind) => KIND_LABELS.get(kind) ?? kind;

/** How a published item is named: its reference and title when published, else its kind (and reference). */
export function publishedLabel(item: { kind: ItemKind; ref?: string | null; title?: string }, max = 200): string {
  const title = item.title === undefined ? undefined : item.title.length > max ? `${item.title.slice(0, max - 1)}…` : item.title;
  const ref = item.ref ?? '';
  if (title !== undefined) return ref ? `${ref} ${title}` : title;
  return ref ? `${kindLabel(item.kind)} ${ref}` : kindLabel(item.kind);
}

/** The lines of an update that its audience may see, for an e-mail or a plain-text export. */
export function updateLines(update: PublishedUpdate): string[] {
  const lines: string[] = [];
  if (update.period) lines.push(`Period: ${update.period.label}`);
  if (update.status) lines.push(`Status: ${update.status}`);
  if (update.ragLabel) lines.push(`RAG rating: ${update.ragLabel}`);
  if (update.directionLabel) lines.push(`Direction of travel: ${update.directionLabel}`);
  if (update.percentComplete !== undefined && update.percentComplete !== null) lines.push(`Complete: ${update.percentComplete}%`);
  if (update.revisedTarget) lines.push(`Revised target date: ${update.revisedTarget.text}${update.revisedTarget.reason ? ` (${update.revisedTarget.reason})` : ''}`);
  if (update.narrative) lines.push('', update.narrative);
  if (update.correctiveAction) lines.push('', `Corrective action: ${update.correctiveAction}`);
  return lines;
}
