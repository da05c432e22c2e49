import type { CustomFieldDefinition } from '../db/schema.ts';

/** Who may see a field: everyone, signed-in members (councillors) and officers, or officers only. */
export type Visibility = 'public' | 'members' | 'internal';
/** Who is looking: the public, a member, or an officer (who sees everything). */
export type Audience = 'public' | 'members' | 'internal';

export const VISIBILITIES: readonly Visibility[] = ['public', 'members', 'internal'];

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Everyone (public)',
  members: 'Members only',
  internal: 'Officers only (not published)',
};

export type FieldGroup = 'item' | 'update' | 'plan';

export interface FieldDefinition {
  key: string;
  label: string;
  group: FieldGroup;
  hint: string;
  defaultVisibility: Visibility;
}

/**
 * Every field of an action and of an update that a plan can publish, with Waymark's defaults. A key that is not
 * here (author and reviewer names, review comments, drafts) is never published. Custom fields are added per plan.
 */
export const FIELDS: readonly FieldDefinition[] = [
  { key: 'ref', label: 'Reference', group: 'item', hint: 'The number or letter as printed, such as 1.2.3', defaultVisibility: 'public' },
  { key: 'title', label: 'Title', group: 'item', hint: 'What the action is', defaultVisibility: 'public' },
  { key: 'detail', label: 'Detail', group: 'item', hint: 'The longer description', defaultVisibility: 'public' },
  { key: 'priority', label: 'Priority', group: 'item', hint: 'High, Medium or Low', defaultVisibility: 'public' },
  { key: 'corporatePriorities', label: 'Corporate priorities', group: 'item', hint: 'Links to the council’s priorities', defaultVisibility: 'public' },
  { key: 'leads', label: 'Lead officers', group: 'item', hint: 'Names of the officers who lead the action', defaultVisibility: 'public' },
  { key: 'leadMembers', label: 'Lead members', group: 'item', hint: 'Names of the councillors who lead the action', defaultVisibility: 'public' },
  { key: 'target', label: 'Target date', group: 'item', hint: 'The original target date, as written', defaultVisibility: 'public' },
  { key: 'plannedMonths', label: 'Planned months', group: 'item', hint: 'The months when work is planned', defaultVisibility: 'members' },
  { key: 'revisedDates', label: 'Revised dates and reasons', group: 'update', hint: 'Agreed new target dates and why they changed', defaultVisibility: 'public' },
  { key: 'resources', label: 'Resources', group: 'item', hint: 'Budget, staff and other resources', defaultVisibility: 'members' },
  { key: 'status', label: 'Status', group: 'update', hint: 'The status word, such as On target', defaultVisibility: 'public' },
  { key: 'rag', label: 'RAG rating', group: 'update', hint: 'Red, amber, green or blue (complete), as confirmed', defaultVisibility: 'public' },
  { key: 'direction', label: 'Direction of travel', group: 'update', hint: 'Improving, no change or getting worse', defaultVisibility: 'public' },
  { key: 'narrative', label: 'Progress narrative', group: 'update', hint: 'What the lead reported', defaultVisibility: 'public' },
  { key: 'correctiveAction', label: 'Corrective action', group: 'update', hint: 'What is being done to recover', defaultVisibility: 'members' },
  { key: 'percentComplete', label: '% complete', group: 'update', hint: 'How far through the action is', defaultVisibility: 'public' },
  { key: 'evidence', label: 'Evidence files', group: 'update', hint: 'Files attached to updates', defaultVisibility: 'internal' },
  { key: 'measures', label: 'Measures of success', group: 'plan', hint: 'Baselines, targets and latest actuals of the plan’s measures', defaultVisibility: 'public' },
  { key: 'risks', label: 'Risk detail', group: 'plan', hint: 'The plan’s risk register: risks, owners and ratings', defaultVisibility: 'internal' },
];

export const CUSTOM_FIELD_DEFAULT: Visibility = 'members';
export const customFieldKey = (key: string) => `custom:${key}`;

/** The fields of one plan: the standard ones and one per custom field, by its name. */
export function fieldsOfPlan(customFields: readonly CustomFieldDefinition[]): FieldDefinition[] {
  return [
    ...FIELDS,
    ...customFields.map((field) => ({
      key: customFieldKey(field.key),
      label: field.label,
      group: 'item' as const,
      hint: 'A custom field of this plan',
      defaultVisibility: CUSTOM_FIELD_DEFAULT,
    })),
  ];
}

/** Whether an audience may see a field of the given visibility. */
export function audienceSees(audience: Audience, visibility: Visibility): boolean {
  if (audience === 'internal') return true;
  if (audience === 'members') return visibility !== 'internal';
  return visibility === 'public';
}
