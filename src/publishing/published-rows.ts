import type { ItemKind, RagCode, Direction } from '../db/schema.ts';

/** Rows as the published-data queries return them (JSON built by the database); shaped by published-shape.ts. */

export interface RawEvidence {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
}

export interface RawUpdate {
  id: string;
  item_id: string;
  period_id: string | null;
  as_of: string;
  reviewed_at: string | null;
  status: string | null;
  rag: RagCode | null;
  direction: Direction | null;
  percent_complete: number | null;
  narrative: string | null;
  corrective_action: string | null;
  revised_target_text: string | null;
  revision_reason: string | null;
  evidence: RawEvidence[];
}

export interface RawRevision {
  from_text: string | null;
  to_text: string;
  to_start: string | null;
  to_end: string | null;
  reason: string;
  agreed_at: string;
}

export interface RawItem {
  id: string;
  parent_id: string | null;
  position: number;
  kind: ItemKind;
  ref: string | null;
  title: string;
  detail: string | null;
  priority: string | null;
  corporate_priorities: string[];
  target_text: string | null;
  target_start: string | null;
  target_end: string | null;
  planned_months: string[];
  resources: string | null;
  custom_values: Record<string, string>;
  leads: string[];
  lead_members: string[];
  revisions: RawRevision[];
  latest: RawUpdate | null;
}

/** An item in the plan's order (depth-first), with its depth and whether it matched the filters. */
export interface RawListedItem extends RawItem {
  depth: number;
  path: string;
  matched: boolean;
}
