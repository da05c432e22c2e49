import type { Actor } from '../auth/actor.ts';
import { hasAnyRole } from '../auth/permissions.ts';

/** Leads update their own actions; editors, administrators and the plan's owner may update any. */
export const canUpdateItem = (actor: Actor, plan: { owner_user_id: string | null }, leadPersonIds: string[]) =>
  hasAnyRole(actor, 'admin', 'editor') ||
  (actor.roles.has('plan_owner') && plan.owner_user_id === actor.userId) ||
  leadPersonIds.some((id) => actor.personIds.includes(id));

/** Reviewers, administrators and the plan's owner approve or return updates. */
export const canReview = (actor: Actor, plan: { owner_user_id: string | null }) =>
  hasAnyRole(actor, 'admin', 'reviewer') || (actor.roles.has('plan_owner') && plan.owner_user_id === actor.userId);
