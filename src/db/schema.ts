import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables the migrations create. A schema change must change this file. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `date` column: read as yyyy-mm-dd text (see the type parser in connection.ts). */
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type Role = 'admin' | 'plan_owner' | 'editor' | 'lead' | 'reviewer' | 'member' | 'viewer';
export type PersonKind = 'officer' | 'member' | 'body';
export type PlanSource = 'inspection' | 'peer_challenge' | 'audit' | 'governance_statement' | 'self_assessment' | 'other';
export type PlanStatus = 'draft' | 'live' | 'closed';
export type ItemKind = 'section' | 'outcome' | 'measure' | 'action' | 'milestone';
export type ItemPersonRole = 'lead' | 'lead_member' | 'support';
export type RelationType = 'depends_on' | 'follows_on_from' | 'links_to' | 'duplicates';

export interface CorporatePriority {
  code: string;
  label: string;
}

export interface CustomFieldDefinition {
  key: string;
  label: string;
}

export interface OrganisationsTable {
  id: Generated<string>;
  organisation_id: ColumnType<string, never, never>;
  slug: string;
  name: string;
  fy_start_month: Generated<number>;
  corporate_priorities: Json<CorporatePriority[]>;
  rag_scheme: Json<Record<string, unknown>>;
  status_vocabulary: Json<string[]>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserRolesTable {
  organisation_id: string;
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  id: string;
  organisation_id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  token_hash: string;
  email: string;
  name: string;
  roles: Role[];
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PeopleTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  role_title: string | null;
  initials: string | null;
  kind: PersonKind;
  email: string | null;
  user_id: string | null;
  created_at: CreatedAt;
}

export interface PlansTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  source: PlanSource;
  source_detail: string | null;
  period_start: DateColumn | null;
  period_end: DateColumn | null;
  level_labels: Json<string[]>;
  custom_fields: Json<CustomFieldDefinition[]>;
  narrative: Json<string[]>;
  status: PlanStatus;
  owner_user_id: string | null;
  settings: ColumnType<PlanSettings, string | undefined, string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ItemsTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  parent_id: string | null;
  position: number;
  kind: ItemKind;
  ref: string | null;
  ref_key: string | null;
  title: string;
  detail: string | null;
  priority: string | null;
  corporate_priorities: string[];
  target_text: string | null;
  target_start: DateColumn | null;
  target_end: DateColumn | null;
  target_precision: string;
  planned_months: string[];
  resources: string | null;
  custom_values: Json<Record<string, string>>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ItemPeopleTable {
  organisation_id: string;
  item_id: string;
  person_id: string;
  role: ItemPersonRole;
  position: number;
}

export interface RelationsTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  from_item_id: string;
  to_item_id: string;
  type: RelationType;
  lag_days: number;
  note: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  organisation_id: string;
  at: CreatedAt;
  user_id: string | null;
  user_name: string | null;
  plan_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  people: PeopleTable;
  plans: PlansTable;
  items: ItemsTable;
  item_people: ItemPeopleTable;
  relations: RelationsTable;
  audit_log: AuditLogTable;
  reporting_cycles: ReportingCyclesTable;
  periods: PeriodsTable;
  updates: UpdatesTable;
  date_revisions: DateRevisionsTable;
  evidence_files: EvidenceFilesTable;
  reminder_log: ReminderLogTable;
  import_sessions: ImportSessionsTable;
  import_mappings: ImportMappingsTable;
  // measures and risks (issue 8)
  measures: MeasuresTable;
  measure_values: MeasureValuesTable;
  risks: RisksTable;
  risk_actions: RiskActionsTable;
  risk_reviews: RiskReviewsTable;
  plan_implications: PlanImplicationsTable;
  // publishing, members and the API (issue 9)
  api_tokens: ApiTokensTable;
  follows: FollowsTable;
  follow_notices: FollowNoticesTable;
  organisation_publishing: OrganisationPublishingTable;
  // committee reports (issue 6)
  report_templates: ReportTemplatesTable;
  report_packs: ReportPacksTable;
  report_pack_files: ReportPackFilesTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type Person = Selectable<PeopleTable>;
export type Plan = Selectable<PlansTable>;
export type Item = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;
export type ItemUpdate = Updateable<ItemsTable>;
export type Relation = Selectable<RelationsTable>;

export type UpdateState = 'draft' | 'submitted' | 'approved' | 'returned';
export type RagCode = 'red' | 'amber' | 'green' | 'blue';
export type Direction = 'improving' | 'same' | 'worse';

export interface StatusWord {
  label: string;
  complete: boolean;
}

/** Per-plan rules for the update cycle (plans.settings). */
export interface PlanSettings {
  statuses?: StatusWord[];
  ragMode?: 'schedule' | 'manual';
  amberDays?: number;
  completeRag?: 'blue' | 'green';
  rollup?: 'worst' | 'share';
  correctiveActionOn?: RagCode[];
  usesPercentComplete?: boolean;
  evidenceRequiredForComplete?: boolean;
}

export interface ReportingCyclesTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  name: string;
  frequency: 'monthly' | 'quarterly' | 'custom';
  due_days: number;
  reminder_days: number;
  created_at: CreatedAt;
}

export interface Meeting {
  name: string;
  date: string;
}

export interface PeriodsTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  cycle_id: string;
  label: string;
  period_start: DateColumn;
  period_end: DateColumn;
  due_date: DateColumn;
  meetings: Json<Meeting[]>;
}

export interface UpdatesTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  item_id: string;
  period_id: string | null;
  state: UpdateState;
  as_of: DateColumn;
  status: string | null;
  rag_proposed: RagCode | null;
  rag_confirmed: RagCode | null;
  direction: Direction | null;
  percent_complete: number | null;
  narrative: string | null;
  corrective_action: string | null;
  revised_target_text: string | null;
  revised_target_start: DateColumn | null;
  revised_target_end: DateColumn | null;
  revision_reason: string | null;
  author_user_id: string | null;
  author_name: string;
  submitted_at: Timestamp | null;
  reviewer_user_id: string | null;
  reviewer_name: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  source: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DateRevisionsTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  item_id: string;
  update_id: string | null;
  from_text: string | null;
  from_end: DateColumn | null;
  to_text: string;
  to_start: DateColumn | null;
  to_end: DateColumn | null;
  reason: string;
  agreed_by_user_id: string | null;
  agreed_by_name: string;
  agreed_at: Timestamp;
}

export interface EvidenceFilesTable {
  id: Generated<string>;
  organisation_id: string;
  update_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  data: Buffer;
  created_at: CreatedAt;
}

export interface ReminderLogTable {
  id: Generated<string>;
  organisation_id: string;
  period_id: string;
  item_id: string | null;
  kind: 'before' | 'due' | 'overdue' | 'digest';
  recipient: string;
  sent_at: CreatedAt;
}

export type Update = Selectable<UpdatesTable>;
export type Period = Selectable<PeriodsTable>;
export type DateRevision = Selectable<DateRevisionsTable>;

// ---- measures, risks, implications (issue 8; migration 2026-11-25-004-measures-risks) ----
/** A measure's value as stored: a number, yes/no or words (see src/measures/domain/measure.ts). */
export type StoredMeasureValue = number | boolean | string;

export interface MeasuresTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  item_id: string | null;
  ref: string | null;
  title: string;
  unit: 'number' | 'percent' | 'currency' | 'count' | 'yes_no' | 'text';
  polarity: 'higher_is_better' | 'lower_is_better';
  baseline: Json<StoredMeasureValue> | null;
  thresholds: Json<{ basis: 'absolute' | 'percent'; amber: number; red: number }>;
  targets: Json<{ periodKey: string; value: StoredMeasureValue }[]>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MeasureValuesTable {
  id: Generated<string>;
  organisation_id: string;
  measure_id: string;
  period_key: string;
  period_label: string;
  value: Json<StoredMeasureValue>;
  entered_by_user_id: string | null;
  entered_by_name: string;
  entered_at: Timestamp;
  update_id: string | null;
}

export interface RisksTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  ref: string | null;
  title: string;
  cause: string;
  effect: string;
  owner_person_id: string | null;
  owner_name: string;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  target_likelihood: number | null;
  target_impact: number | null;
  controls: Json<string[]>;
  review_frequency: 'monthly' | 'quarterly' | 'six_monthly' | 'annually';
  next_review_date: DateColumn;
  status: 'open' | 'closed';
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RiskActionsTable {
  organisation_id: string;
  risk_id: string;
  item_id: string;
}

export interface RiskReviewsTable {
  id: Generated<string>;
  organisation_id: string;
  risk_id: string;
  reviewed_by_user_id: string | null;
  reviewer_name: string;
  reviewed_at: Timestamp;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  target_likelihood: number | null;
  target_impact: number | null;
  note: string | null;
  next_review_date: DateColumn;
}

export type ImplicationCategory = 'financial' | 'legal' | 'risk' | 'equality' | 'hr' | 'climate' | 'other';

export interface PlanImplicationsTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  category: ImplicationCategory;
  heading: string | null;
  body: string;
  /** numeric(14,2): read as text by pg. */
  amount: ColumnType<string | null, string | number | null, string | number | null>;
  updated_by_name: string;
  updated_at: Timestamp;
}

export type MeasureRow = Selectable<MeasuresTable>;
export type MeasureValueRow = Selectable<MeasureValuesTable>;
export type RiskRow = Selectable<RisksTable>;
export type RiskReviewRow = Selectable<RiskReviewsTable>;
// ---- end of measures, risks, implications ----

// ---- imports (migration 2026-11-25-003) ----
export interface ImportOptionsColumn {
  fyStartMonth?: number;
  columnRoles?: Record<string, string>;
  levelLabels?: string[];
  title?: string;
}

export interface ImportSessionsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  plan_id: string | null;
  file_name: string;
  bytes: Buffer;
  options: Json<ImportOptionsColumn>;
  created_at: CreatedAt;
}

export interface ImportMappingsTable {
  organisation_id: string;
  signature: string;
  column_roles: Json<Record<string, string>>;
  level_labels: Json<string[]>;
  updated_at: Timestamp;
}
// ---- end imports ----

// ---- publishing, members' area and API (issue 9; migration 2026-11-25-006-publishing-api) ----
export type ApiScope = 'read' | 'write';

export interface ApiTokensTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  name: string;
  token_digest: string;
  token_hint: string;
  scopes: ApiScope[];
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface FollowsTable {
  organisation_id: string;
  user_id: string;
  item_id: string;
  created_at: CreatedAt;
}

export interface FollowNoticesTable {
  organisation_id: string;
  user_id: string;
  update_id: string;
  sent: boolean;
  created_at: CreatedAt;
}

export interface OrganisationPublishingTable {
  organisation_id: string;
  licence_name: string;
  licence_url: string;
  updated_at: Timestamp;
}
// ---- end publishing, members' area and API ----

// ---- committee reports (issue 6; migration 2026-11-25-005-reports) ----
export type ReportFormat = 'html' | 'docx' | 'pdf' | 'xlsx' | 'csv';

/** Which parts a report shows (the same keys as the report model's `sections`). */
export interface ReportTemplateSections {
  cover: boolean;
  summary: boolean;
  exceptions: boolean;
  changes: boolean;
  fullTable: boolean;
  measures: boolean;
  risks: boolean;
}

export interface ReportTemplatesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  title: string;
  introduction: string;
  /** Column names in order: standard column names or the plan's own field names. */
  columns: Json<string[]>;
  sections: Json<ReportTemplateSections>;
  default_audience: string | null;
  logo: Buffer | null;
  logo_media_type: 'image/png' | 'image/jpeg' | null;
  logo_width: number | null;
  logo_height: number | null;
  logo_alt: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** An issued pack: frozen by a trigger (see the migration); only its title and note change, by an administrator. */
export interface ReportPacksTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  plan_ids: string[];
  title: string;
  note: string | null;
  audience: string;
  as_at: DateColumn;
  options: Json<Record<string, unknown>>;
  model: Json<unknown>;
  issued_at: ColumnType<Date, Date | string | undefined, never>;
  issued_by_user_id: string | null;
  issued_by_name: string;
}

export interface ReportPackFilesTable {
  id: Generated<string>;
  organisation_id: string;
  pack_id: string;
  format: ReportFormat;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  bytes: Buffer;
}

export type ReportTemplateRow = Selectable<ReportTemplatesTable>;
export type ReportPackRow = Selectable<ReportPacksTable>;
// ---- end committee reports ----
