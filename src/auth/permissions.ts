import { forbidden } from '../errors.ts';
import type { Role } from '../db/schema.ts';
import type { Actor } from './actor.ts';

export const hasAnyRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.has(role));

/** Throws 403 unless the actor has one of the roles. `action` completes "You do not have permission to …". */
export function requireAnyRole(actor: Actor, action: string, ...roles: Role[]): void {
  if (!hasAnyRole(actor, ...roles)) throw forbidden(action);
}

export const canAdminister = (actor: Actor) => hasAnyRole(actor, 'admin');
export const canCreatePlan = (actor: Actor) => hasAnyRole(actor, 'admin', 'plan_owner', 'editor');
export const canEditPlan = (actor: Actor, plan: { owner_user_id: string | null }) =>
  hasAnyRole(actor, 'admin', 'editor') || (actor.roles.has('plan_owner') && plan.owner_user_id === actor.userId);

export function requireCanEditPlan(actor: Actor, plan: { owner_user_id: string | null }): void {
  if (!canEditPlan(actor, plan)) throw forbidden('change this plan');
}

/** Councillors who are only members use the members' area: the officers' pages show internal fields. */
export const isOfficer = (actor: Actor) => hasAnyRole(actor, 'admin', 'plan_owner', 'editor', 'lead', 'reviewer', 'viewer');

export function requireOfficer(actor: Actor): void {
  if (!isOfficer(actor)) throw forbidden("see officers' pages. Councillors can see plans in the members' area at /members");
}
