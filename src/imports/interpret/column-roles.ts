/**
 * What a column of a plan table holds, read from the words of its header ("Lead Officer(s)", "When", "Measures of
 * Success", "11th December 2014 update"). Rules are tried in order: the more specific ones come first.
 */
export type Role =
  | 'ref'
  | 'section'
  | 'outcome'
  | 'measure'
  | 'action'
  | 'milestone'
  | 'lead'
  | 'leadMember'
  | 'target'
  | 'start'
  | 'priority'
  | 'direction'
  | 'status'
  | 'progress'
  | 'month'
  | 'field';

/** The roles that make items, from the top of the tree down. */
export const ITEM_ROLES = ['section', 'outcome', 'measure', 'action', 'milestone'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

export function levelOf(kind: ItemRole): number {
  return ITEM_ROLES.indexOf(kind);
}

export function isItemRole(role: Role): role is ItemRole {
  return (ITEM_ROLES as readonly string[]).includes(role);
}

const HEADER_RULES: ReadonlyArray<readonly [RegExp, Role]> = [
  [/^(ref(erence)?\.?|ref\.?\s*no\.?|no\.?|#|number|id)$/i, 'ref'],
  [/corrective/i, 'field'],
  [/\blinks?\b.*\bpriorit|\b(corporate|council|strategic)\s+(plan|priorit)/i, 'field'],
  [/lead\s+member|portfolio\s+holder|cabinet\s+member|member\s+lead|executive\s+member|lead\s+councillor/i, 'leadMember'],
  [/progress|update|commentary|^comments?$|position\s+(at|as)/i, 'progress'],
  [/^(rag\s*)?(status|rating)$|^rag$/i, 'status'],
  [/direction|\btravel\b|\btrend\b/i, 'direction'],
  [/^priority(\s*\(.*\))?$|^priority\s+(level|rating)$/i, 'priority'],
  [/\bstart(\s+date)?$/i, 'start'],
  [/timescales?|deadline|target\s+date|\bdue\b|by\s+when|^when\b|^date$|\bdate$|completion|^completed?$|^target$|timeframe/i, 'target'],
  [/\blead|owner|\bwho\b|responsib|accountable|officer/i, 'lead'],
  [/milestones?/i, 'milestone'],
  [/measures?|success\s+criteria|\bkpis?\b|indicators?/i, 'measure'],
  [/outcomes?|areas?\s+for\s+improvement|improvement\s+areas?|\bissues?\b|findings?|objectives?|\baims?\b|weakness/i, 'outcome'],
  [/\bthemes?\b|recommendations?|workstreams?|\bstrands?\b|\bsections?\b|^priorities$|priority\s+areas?/i, 'section'],
  [/actions?|proposals?|activit(y|ies)|\btasks?\b|what\s+we\s+will\s+do|\bsteps\b|deliverables?/i, 'action'],
  [/resources?|service\s+plan/i, 'field'],
];

const known = new Map<string, Role | null>();

/** The role a header names, or null when its words name none. */
export function roleOfHeader(label: string): Role | null {
  const cached = known.get(label);
  if (cached !== undefined) return cached;
  const text = label.replace(/\s+/g, ' ').trim();
  const role = text === '' || text.length > 80 ? null : (HEADER_RULES.find(([pattern]) => pattern.test(text))?.[1] ?? null);
  if (known.size < 5000) known.set(label, role);
  return role;
}

/** Headers that name the same column in different words on different pages ("In service plan?", "In service Plan"). */
export function headerKey(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const PRIORITY_VALUE = /^(high|medium|med|low|critical|urgent|h|m|l)\b/i;
const ARROWS = /^[\s↑↓→←↗↘⬆⬇➡⬅▲▼►◄⇧⇩⇨⇦]+$/;
const MARK = /^[■□▪▮█●◼◾⬛✓✔✗xX*+]{1,3}$/;

export const isPriorityValue = (text: string): boolean => PRIORITY_VALUE.test(text.trim());
export const isArrow = (text: string): boolean => ARROWS.test(text) && text.trim() !== '';
/** A cell of a month grid that says "work happens this month". */
export const isMonthMark = (text: string): boolean => MARK.test(text.trim());
