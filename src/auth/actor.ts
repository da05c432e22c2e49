import type { Role } from '../db/schema.ts';

/** Who is asking: every service function takes one and checks it before reading or writing. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  roles: ReadonlySet<Role>;
  /** The people records linked to this user: the items they lead. */
  personIds: readonly string[];
}

export const ALL_ROLES: readonly Role[] = ['admin', 'plan_owner', 'editor', 'lead', 'reviewer', 'member', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  plan_owner: 'Plan owner',
  editor: 'Editor',
  lead: 'Lead officer',
  reviewer: 'Reviewer',
  member: 'Member (councillor)',
  viewer: 'Viewer',
};

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Manages people, users, roles and every plan.',
  plan_owner: 'Creates plans and manages the plans they own.',
  editor: 'Edits any plan and its items.',
  lead: 'Posts updates on the actions they lead.',
  reviewer: 'Reviews and approves updates.',
  member: 'Reads plans and members-only information.',
  viewer: 'Reads plans.',
};
