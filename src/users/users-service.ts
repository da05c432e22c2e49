import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { requireAnyRole } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { invalidInput, linkExpired, notFound } from '../errors.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newToken, tokenDigest } from '../auth/session-token.ts';
import { deleteSessionsOfUser } from '../auth/session-repository.ts';
import { insertPerson } from '../people/person-repository.ts';
import type { InviteForm } from './user-forms.ts';
import { findOpenInvitation, insertInvitation, listOpenInvitations, markInvitationUsed } from './invitation-repository.ts';
import { findUser, findUserByEmail, insertUser, listUsersWithRoles, rolesOf, setDisabled, setRoles } from './user-repository.ts';

const INVITATION_DAYS = 7;

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(db: Db, secret: string, baseUrl: string) {
  const admin = (actor: Actor, action: string) => requireAnyRole(actor, action, 'admin');
  const digest = (token: string) => tokenDigest(secret, 'invitation', token);

  return {
    async listUsers(actor: Actor) {
      requireAnyRole(actor, 'see users', 'admin', 'plan_owner', 'editor');
      return listUsersWithRoles(db, actor.organisationId);
    },

    async listInvitations(actor: Actor) {
      admin(actor, 'see invitations');
      return listOpenInvitations(db, actor.organisationId, new Date());
    },

    /** Creates an invitation and returns the one-time link (shown to the admin, and e-mailed when SMTP is set). */
    async invite(actor: Actor, form: InviteForm): Promise<{ link: string; email: string }> {
      admin(actor, 'invite users');
      if (await findUserByEmail(db, form.email)) throw invalidInput(`${form.email} already has a Waymark account`, 'email');
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        const invitation = await insertInvitation(trx, {
          organisationId: actor.organisationId,
          tokenHash: digest(token),
          email: form.email,
          name: form.name,
          roles: form.roles,
          createdBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        });
        await recordAudit(trx, actor, { entityType: 'invitation', entityId: invitation.id, action: 'create', after: { email: form.email, roles: form.roles } });
      });
      return { link: `${baseUrl}/invitations/${token}`, email: form.email };
    },

    async findInvitation(token: string) {
      const invitation = await findOpenInvitation(db, digest(token), new Date());
      if (!invitation) throw linkExpired('invitation');
      return invitation;
    },

    /** The invited person chooses a password: their account, roles and person record are created together. */
    async acceptInvitation(token: string, password: string) {
      const invitation = await findOpenInvitation(db, digest(token), new Date());
      if (!invitation) throw linkExpired('invitation');
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const claimed = await markInvitationUsed(trx, invitation.id);
        if (Number(claimed.numUpdatedRows) !== 1) throw linkExpired('invitation');
        if (await findUserByEmail(trx, invitation.email)) throw linkExpired('invitation');
        const user = await insertUser(trx, {
          organisationId: invitation.organisation_id,
          email: invitation.email,
          name: invitation.name,
          passwordHash,
          roles: invitation.roles,
        });
        const existing = await trx
          .selectFrom('people')
          .where('organisation_id', '=', invitation.organisation_id)
          .where((eb) => eb(eb.fn('lower', ['email']), '=', invitation.email.toLowerCase()))
          .where('user_id', 'is', null)
          .select('id')
          .executeTakeFirst();
        if (existing) await trx.updateTable('people').set({ user_id: user.id }).where('id', '=', existing.id).execute();
        else await insertPerson(trx, invitation.organisation_id, { name: invitation.name, kind: invitation.roles.includes('member') ? 'member' : 'officer', email: invitation.email, userId: user.id });
        await recordAudit(trx, { organisationId: user.organisation_id, userId: user.id, name: user.name }, { entityType: 'user', entityId: user.id, action: 'create', after: { email: user.email, roles: invitation.roles } });
        return user;
      });
    },

    async getUser(actor: Actor, userId: string) {
      admin(actor, 'manage users');
      const user = await findUser(db, actor.organisationId, userId);
      if (!user) throw notFound('The user');
      return { ...user, roles: await rolesOf(db, actor.organisationId, userId) };
    },

    async setRoles(actor: Actor, userId: string, roles: Role[]) {
      admin(actor, 'change roles');
      if (userId === actor.userId && !roles.includes('admin')) throw invalidInput('You cannot remove your own administrator role', 'roles');
      await db.transaction().execute(async (trx) => {
        const user = await findUser(trx, actor.organisationId, userId);
        if (!user) throw notFound('The user');
        const before = await rolesOf(trx, actor.organisationId, userId);
        await setRoles(trx, actor.organisationId, userId, roles);
        await recordAudit(trx, actor, { entityType: 'user', entityId: userId, action: 'update', before: { roles: before }, after: { roles } });
      });
    },

    async setDisabled(actor: Actor, userId: string, disabled: boolean) {
      admin(actor, 'disable users');
      if (userId === actor.userId) throw invalidInput('You cannot disable your own account', 'roles');
      await db.transaction().execute(async (trx) => {
        const user = await findUser(trx, actor.organisationId, userId);
        if (!user) throw notFound('The user');
        await setDisabled(trx, actor.organisationId, userId, disabled);
        if (disabled) await deleteSessionsOfUser(trx, userId);
        await recordAudit(trx, actor, { entityType: 'user', entityId: userId, action: disabled ? 'disable' : 'enable' });
      });
    },
  };
}
