import { z } from 'zod';
import * as S from './api-schemas.ts';

/** Every operation of /api/v1: the routes are registered from this list and the OpenAPI document generated from it. */

export const API_PREFIX = '/api/v1';

export interface Operation {
  id: string;
  method: 'get' | 'post';
  /** OpenAPI form, after the prefix: /plans/{planId} */
  path: string;
  summary: string;
  description: string;
  tag: 'Plans' | 'Items' | 'Updates' | 'Measures and risks' | 'Report packs' | 'Tokens';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and its schema (every operation may also answer with a Problem). */
  status: 200 | 201;
  response: z.ZodType;
  /** read: anonymous callers get public data; write: a token with the write scope is required; token: any token. */
  access: 'read' | 'write' | 'token';
}

const planParams = z.strictObject({ planId: z.uuid() });
const itemParams = z.strictObject({ planId: z.uuid(), itemId: z.uuid() });
const page = {
  cursor: z.string().max(4000).optional().describe('The `next` link’s cursor from the previous page.'),
  limit: z.string().regex(/^\d{1,3}$/).optional().describe('Items per page, 1 to 200 (default 100).'),
};
const filters = {
  lead: z.string().max(100).optional().describe('A lead officer: the person’s id or name.'),
  priority: z.string().max(20).optional(),
  kind: z.enum(['section', 'outcome', 'measure', 'action', 'milestone']).optional(),
  overdue: z.enum(['yes', 'no']).optional().describe('yes: only actions and milestones past their (revised) target date and not complete.'),
  q: z.string().max(200).optional().describe('Words that must all appear in the reference, title or leads.'),
};

const publishedNote = 'Anonymous callers see published plans and their public fields; a member’s token adds members-only fields; an officer’s token sees everything, including approved updates not yet published.';

export const OPERATIONS: Operation[] = [
  { id: 'getMe', method: 'get', path: '/me', summary: 'Who the token belongs to', description: 'The token’s user, organisation, scopes and the audience its data is shaped for.', tag: 'Tokens', status: 200, response: S.Me, access: 'token' },
  { id: 'listPlans', method: 'get', path: '/plans', summary: 'List plans', description: `An organisation’s plans. Anonymous callers must name the organisation. ${publishedNote}`, tag: 'Plans', query: z.strictObject({ organisation: z.string().max(80).optional().describe('The organisation’s slug, as in /public/{slug}.') }), status: 200, response: S.PlanList, access: 'read' },
  { id: 'getPlan', method: 'get', path: '/plans/{planId}', summary: 'A plan and its progress summary', description: publishedNote, tag: 'Plans', params: planParams, status: 200, response: S.PlanDetail, access: 'read' },
  { id: 'listItems', method: 'get', path: '/plans/{planId}/items', summary: 'Items, flat and filtered', description: `Items in the order of the printed plan, with the plan page’s filters, a page at a time (cursor pagination). ${publishedNote}`, tag: 'Items', params: planParams, query: z.strictObject({ ...filters, ...page }), status: 200, response: S.ItemPage, access: 'read' },
  { id: 'getItemTree', method: 'get', path: '/plans/{planId}/items/tree', summary: 'Items as a tree', description: 'The whole plan (or the subtree under `root`) as nested items; with filters, the matching items and the items above them.', tag: 'Items', params: planParams, query: z.strictObject({ ...filters, root: z.uuid().optional() }), status: 200, response: S.ItemTree, access: 'read' },
  { id: 'getItem', method: 'get', path: '/plans/{planId}/items/{itemId}', summary: 'An item with its updates', description: publishedNote, tag: 'Items', params: itemParams, status: 200, response: S.ItemDetail, access: 'read' },
  { id: 'listItemUpdates', method: 'get', path: '/plans/{planId}/items/{itemId}/updates', summary: 'An item’s updates', description: 'Newest first, a page at a time.', tag: 'Updates', params: itemParams, query: z.strictObject(page), status: 200, response: S.UpdatePage, access: 'read' },
  {
    id: 'createItemUpdate', method: 'post', path: '/plans/{planId}/items/{itemId}/updates', summary: 'Post an update on an action',
    description: 'For the action’s lead officers (and editors, administrators, the plan’s owner), with a token that has the write scope. The update is checked as the web form checks it and is submitted for review unless `intent` is `draft`. JSON only; unknown fields are refused.',
    tag: 'Updates', params: itemParams, body: S.NewUpdate, status: 201, response: S.SavedUpdate, access: 'write',
  },
  { id: 'listUpdates', method: 'get', path: '/plans/{planId}/updates', summary: 'A plan’s updates', description: `Every update the caller may see, newest first. ${publishedNote}`, tag: 'Updates', params: planParams, query: z.strictObject(page), status: 200, response: S.UpdatePage, access: 'read' },
  { id: 'listMeasures', method: 'get', path: '/plans/{planId}/measures', summary: 'Measures of success', description: 'Empty when the plan does not publish its measures to the caller.', tag: 'Measures and risks', params: planParams, status: 200, response: S.MeasureList, access: 'read' },
  { id: 'listReportPacks', method: 'get', path: '/plans/{planId}/report-packs', summary: 'Issued report packs', description: 'The committee report packs issued for the plan, newest first: for officers’ tokens only (a pack holds everything as it was issued, not only what the plan publishes).', tag: 'Report packs', params: planParams, status: 200, response: S.ReportPackList, access: 'token' },
  { id: 'listRisks', method: 'get', path: '/plans/{planId}/risks', summary: 'The risk register', description: 'Empty when the plan does not publish risk detail to the caller.', tag: 'Measures and risks', params: planParams, status: 200, response: S.RiskList, access: 'read' },
];

export const fastifyPath = (path: string) => `${API_PREFIX}${path.replace(/\{(\w+)\}/g, ':$1')}`;

export function operation(id: string): Operation {
  const found = OPERATIONS.find((op) => op.id === id);
  if (!found) throw new Error(`No API operation ${id}`);
  return found;
}
