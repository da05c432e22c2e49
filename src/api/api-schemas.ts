import { z } from 'zod';

/**
 * The API's zod schemas: the OpenAPI document is generated from these (z.toJSONSchema) and the tests validate every
 * response against them. Objects are strict, so a response with a field the schema does not name fails the tests.
 * Fields a plan does not publish to the caller are left out (optional here); fields it publishes are present, null when empty.
 */

export const schemaRegistry = z.registry<{ id: string; description?: string }>();
const named = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  schemaRegistry.add(schema, { id, description });
  return schema;
};

const isoDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
const ragCode = z.enum(['red', 'amber', 'green', 'blue']);
const directionCode = z.enum(['improving', 'same', 'worse']);
const kind = z.enum(['section', 'outcome', 'measure', 'action', 'milestone']);
const nextLink = z.string().nullable();

export const Problem = named('Problem', 'An error (RFC 9457 problem details).', z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
}));

export const Licence = named('Licence', 'The licence the data is published under.', z.strictObject({ name: z.string(), url: z.string() }));

export const Evidence = named('Evidence', 'A file attached to an update.', z.strictObject({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() }));

export const Update = named('Update', 'An approved update as the caller may see it.', z.strictObject({
  id: z.uuid(),
  itemId: z.uuid(),
  period: z.strictObject({ id: z.uuid(), label: z.string() }).nullable(),
  asOf: isoDate,
  publishedOn: isoDate.nullable(),
  status: z.string().nullable().optional(),
  rag: ragCode.nullable().optional(),
  ragLabel: z.string().nullable().optional(),
  direction: directionCode.nullable().optional(),
  directionLabel: z.string().nullable().optional(),
  narrative: z.string().nullable().optional(),
  correctiveAction: z.string().nullable().optional(),
  percentComplete: z.number().int().nullable().optional(),
  revisedTarget: z.strictObject({ text: z.string(), reason: z.string().nullable() }).nullable().optional(),
  evidence: z.array(Evidence).optional(),
}));

export const Revision = named('Revision', 'An agreed change of target date.', z.strictObject({
  fromText: z.string().nullable().optional(),
  toText: z.string(),
  toEnd: isoDate.nullable(),
  reason: z.string(),
  agreedOn: isoDate,
}));

const itemShape = {
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  depth: z.number().int().optional(),
  kind,
  ref: z.string().nullable().optional(),
  title: z.string().optional(),
  detail: z.string().nullable().optional(),
  priority: z.string().nullable().optional(),
  corporatePriorities: z.array(z.string()).optional(),
  leads: z.array(z.string()).optional(),
  leadMembers: z.array(z.string()).optional(),
  target: z.strictObject({ text: z.string().nullable(), start: isoDate.nullable(), end: isoDate.nullable() }).optional(),
  plannedMonths: z.array(z.string()).optional(),
  resources: z.string().nullable().optional(),
  customFields: z.array(z.strictObject({ key: z.string(), label: z.string(), value: z.string().nullable() })).optional(),
  revisedDates: z.array(Revision).optional(),
  overdue: z.boolean().optional(),
  latestUpdate: Update.nullable(),
};

export const Item = named('Item', 'An item of a plan (section, outcome, measure, action or milestone) with its latest update.', z.strictObject(itemShape));

export const TreeNode: z.ZodType<unknown> = named('TreeNode', 'An item with the items beneath it.', z.strictObject({
  ...itemShape,
  matched: z.boolean(),
  get children() {
    return z.array(TreeNode);
  },
}));

export const ItemPage = named('ItemPage', 'A page of items in the order of the printed plan.', z.strictObject({ data: z.array(Item), total: z.number().int(), links: z.strictObject({ next: nextLink }) }));
export const ItemTree = named('ItemTree', 'The plan as a tree (with filters: the matches and the items above them).', z.strictObject({ data: z.array(TreeNode) }));
export const ItemDetail = named('ItemDetail', 'One item, the items above it and every update the caller may see.', z.strictObject({
  data: Item,
  ancestors: z.array(z.strictObject({ id: z.uuid(), kind, ref: z.string().nullable().optional(), title: z.string().optional() })),
  updates: z.array(Update),
}));
export const UpdatePage = named('UpdatePage', 'A page of updates, newest first.', z.strictObject({ data: z.array(Update), links: z.strictObject({ next: nextLink }) }));

export const Summary = named('Summary', 'Actions and milestones counted by RAG and status.', z.strictObject({
  actions: z.number().int(),
  withUpdate: z.number().int(),
  byRag: z.array(z.strictObject({ rag: ragCode.nullable(), label: z.string(), count: z.number().int() })).optional(),
  byStatus: z.array(z.strictObject({ status: z.string(), count: z.number().int() })).optional(),
}));

export const Plan = named('Plan', 'A plan the caller may see.', z.strictObject({
  id: z.uuid(),
  title: z.string(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  levelLabels: z.array(z.string()),
  published: z.boolean(),
  organisation: z.strictObject({ slug: z.string(), name: z.string() }),
  licence: Licence,
  audience: z.enum(['public', 'members', 'internal']),
}));
export const PlanList = named('PlanList', 'The plans the caller may see.', z.strictObject({ data: z.array(Plan) }));
export const PlanDetail = named('PlanDetail', 'A plan with its progress summary.', z.strictObject({ data: Plan, summary: Summary }));

export const Measure = named('Measure', 'A measure of success with its latest actual.', z.strictObject({
  ref: z.string().nullable(), name: z.string(), unit: z.string(), baseline: z.string().nullable(), target: z.string().nullable(),
  latest: z.string().nullable(), latestPeriod: z.string().nullable(), rag: z.string(), ragLabel: z.string(), trendLabel: z.string().nullable(),
}));
export const MeasureList = named('MeasureList', 'The plan’s measures.', z.strictObject({ data: z.array(Measure) }));
export const Risk = named('Risk', 'A risk of the plan’s register.', z.strictObject({
  ref: z.string().nullable(), title: z.string(), owner: z.string(), inherent: z.string().nullable(), residual: z.string().nullable(),
  target: z.string().nullable(), rag: z.string(), status: z.string(), nextReviewDate: isoDate,
}));
export const RiskList = named('RiskList', 'The plan’s risk register.', z.strictObject({ data: z.array(Risk) }));

export const ReportPack = named('ReportPack', 'An issued committee report pack (officers only): frozen when issued.', z.strictObject({
  id: z.uuid(), title: z.string(), note: z.string().nullable(), audience: z.string(), asAt: isoDate, issuedAt: dateTime, issuedBy: z.string(), html: z.string(),
}));
export const ReportPackList = named('ReportPackList', 'The plan’s issued report packs, newest first.', z.strictObject({ data: z.array(ReportPack) }));

export const Me = named('Me', 'Who the token belongs to.', z.strictObject({
  user: z.strictObject({ id: z.uuid(), name: z.string() }),
  organisation: z.strictObject({ id: z.uuid(), name: z.string() }),
  scopes: z.array(z.enum(['read', 'write'])),
  audience: z.enum(['public', 'members', 'internal']),
}));

export const NewUpdate = named('NewUpdate', 'A lead’s update on an action: submitted for review (default) or kept as a draft.', z.strictObject({
  status: z.string().trim().min(1).max(100),
  ragProposed: ragCode.nullable().optional(),
  direction: directionCode.nullable().optional(),
  percentComplete: z.number().int().min(0).max(100).nullable().optional(),
  narrative: z.string().max(10_000).nullable().optional(),
  correctiveAction: z.string().max(5_000).nullable().optional(),
  revisedTargetText: z.string().max(200).nullable().optional(),
  revisionReason: z.string().max(2_000).nullable().optional(),
  intent: z.enum(['draft', 'submit']).optional(),
}));

export const SavedUpdate = named('SavedUpdate', 'The update as saved: a draft, or submitted for review.', z.strictObject({
  id: z.uuid(),
  itemId: z.uuid(),
  state: z.enum(['draft', 'submitted']),
  asOf: isoDate,
  status: z.string().nullable(),
  ragProposed: ragCode.nullable(),
  direction: directionCode.nullable(),
  percentComplete: z.number().int().nullable(),
  narrative: z.string().nullable(),
  correctiveAction: z.string().nullable(),
  revisedTargetText: z.string().nullable(),
  revisionReason: z.string().nullable(),
  submittedAt: dateTime.nullable(),
}));
