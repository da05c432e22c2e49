import type { Direction, ItemKind, RagCode } from '../db/schema.ts';
import { DIRECTION_LABELS, RAG_LABELS } from '../updates/domain/plan-rules.ts';
import { publicationDay } from './publication-dates.ts';
import type { PublicationScope } from './publication-scope.ts';
import type { RawItem, RawListedItem, RawRevision, RawUpdate } from './published-rows.ts';

/**
 * THE place where rows become what a caller receives: a key is present only when the plan's rules let the scope's
 * audience see that field. Pages, open data, e-mails and the API all render these objects and nothing else.
 */

export interface PublishedEvidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface PublishedUpdate {
  id: string;
  itemId: string;
  period: { id: string; label: string } | null;
  asOf: string;
  /** The UK day it was published; null only for officers looking at an approved update not yet published. */
  publishedOn: string | null;
  status?: string | null;
  rag?: RagCode | null;
  ragLabel?: string | null;
  direction?: Direction | null;
  directionLabel?: string | null;
  narrative?: string | null;
  correctiveAction?: string | null;
  percentComplete?: number | null;
  revisedTarget?: { text: string; reason: string | null } | null;
  evidence?: PublishedEvidence[];
}

export interface PublishedRevision {
  fromText?: string | null;
  toText: string;
  toEnd: string | null;
  reason: string;
  agreedOn: string;
}

export interface PublishedItem {
  id: string;
  parentId: string | null;
  position: number;
  depth?: number;
  kind: ItemKind;
  ref?: string | null;
  title?: string;
  detail?: string | null;
  priority?: string | null;
  corporatePriorities?: string[];
  leads?: string[];
  leadMembers?: string[];
  target?: { text: string | null; start: string | null; end: string | null };
  plannedMonths?: string[];
  resources?: string | null;
  customFields?: { key: string; label: string; value: string | null }[];
  revisedDates?: PublishedRevision[];
  overdue?: boolean;
  latestUpdate: PublishedUpdate | null;
}

export function shapeUpdate(scope: PublicationScope, raw: RawUpdate): PublishedUpdate {
  const sees = scope.view.sees;
  const label = raw.period_id ? scope.periodLabels.get(raw.period_id) : undefined;
  const out: PublishedUpdate = {
    id: raw.id,
    itemId: raw.item_id,
    period: raw.period_id && label !== undefined ? { id: raw.period_id, label } : null,
    asOf: raw.as_of,
    publishedOn: publicationDay(raw, scope.papers, scope.releasedUpTo, scope.now),
  };
  if (sees('status')) out.status = raw.status;
  if (sees('rag')) {
    out.rag = raw.rag;
    out.ragLabel = raw.rag ? RAG_LABELS[raw.rag] : null;
  }
  if (sees('direction')) {
    out.direction = raw.direction;
    out.directionLabel = raw.direction ? DIRECTION_LABELS[raw.direction] : null;
  }
  if (sees('narrative')) out.narrative = raw.narrative;
  if (sees('correctiveAction')) out.correctiveAction = raw.corrective_action;
  if (sees('percentComplete')) out.percentComplete = raw.percent_complete;
  if (sees('revisedDates')) out.revisedTarget = raw.revised_target_text ? { text: raw.revised_target_text, reason: raw.revision_reason } : null;
  if (sees('evidence')) out.evidence = raw.evidence.map((e) => ({ id: e.id, fileName: e.file_name, contentType: e.content_type, sizeBytes: e.size_bytes }));
  return out;
}

function shapeRevision(scope: PublicationScope, raw: RawRevision): PublishedRevision {
  return {
    ...(scope.view.sees('target') ? { fromText: raw.from_text } : {}),
    toText: raw.to_text,
    toEnd: raw.to_end,
    reason: raw.reason,
    agreedOn: raw.agreed_at.slice(0, 10),
  };
}

function isOverdue(scope: PublicationScope, raw: RawItem): boolean {
  if (raw.kind !== 'action' && raw.kind !== 'milestone') return false;
  const revised = scope.view.sees('revisedDates') ? raw.revisions.at(-1)?.to_end : undefined;
  const end = revised ?? raw.target_end;
  const status = raw.latest?.status?.toLowerCase();
  const complete = status !== undefined && scope.completeStatuses.some((s) => s.toLowerCase() === status);
  return Boolean(end && end < scope.today) && !complete;
}

export function shapeItem(scope: PublicationScope, raw: RawItem | RawListedItem): PublishedItem {
  const sees = scope.view.sees;
  const out: PublishedItem = { id: raw.id, parentId: raw.parent_id, position: raw.position, kind: raw.kind, latestUpdate: null };
  if ('depth' in raw) out.depth = raw.depth;
  if (sees('ref')) out.ref = raw.ref;
  if (sees('title')) out.title = raw.title;
  if (sees('detail')) out.detail = raw.detail;
  if (sees('priority')) out.priority = raw.priority;
  if (sees('corporatePriorities')) out.corporatePriorities = raw.corporate_priorities;
  if (sees('leads')) out.leads = raw.leads;
  if (sees('leadMembers')) out.leadMembers = raw.lead_members;
  if (sees('target')) out.target = { text: raw.target_text, start: raw.target_start, end: raw.target_end };
  if (sees('plannedMonths')) out.plannedMonths = raw.planned_months;
  if (sees('resources')) out.resources = raw.resources;
  if (scope.view.customFields.length > 0) out.customFields = scope.view.customFields.map((field) => ({ key: field.key, label: field.label, value: raw.custom_values[field.key] ?? null }));
  if (sees('revisedDates')) out.revisedDates = raw.revisions.map((revision) => shapeRevision(scope, revision));
  if (sees('target') && sees('status')) out.overdue = isOverdue(scope, raw);
  out.latestUpdate = raw.latest ? shapeUpdate(scope, raw.latest) : null;
  return out;
}
