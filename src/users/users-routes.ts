import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import { actorOf, setSessionCookie } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { asArray, formErrorsFrom, formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { AppError } from '../errors.ts';
import { ALL_ROLES, ROLE_HINTS, ROLE_LABELS } from '../auth/actor.ts';
import { acceptFormSchema, inviteFormSchema, rolesFormSchema } from './user-forms.ts';
import { requireAnyRole } from '../auth/permissions.ts';

const roleItems = (selected: string[]) =>
  ALL_ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], hint: { text: ROLE_HINTS[role] }, checked: selected.includes(role) }));

export function usersRoutes(app: FastifyInstance, services: Services, secureCookies: boolean): void {
  app.get('/users', async (request, reply) => {
    const actor = actorOf(request);
    requireAnyRole(actor, 'manage users', 'admin');
    const [users, invitations] = await Promise.all([services.users.listUsers(actor), services.users.listInvitations(actor)]);
    return reply.render('users/views/users.njk', {
      pageTitle: 'Users',
      users: users.map((u) => ({ ...u, roleText: u.roles.map((r) => ROLE_LABELS[r]).join(', ') })),
      invitations,
    });
  });

  const renderInvite = (reply: FastifyReply, values: { name: string; email: string; roles: string[] }, errors?: FormErrors, status = 200) =>
    reply.status(status).render('users/views/invite.njk', { pageTitle: 'Invite a user', values, roleItems: roleItems(values.roles), errors, backLink: '/users' });

  app.get('/users/invite', async (request, reply) => {
    requireAnyRole(actorOf(request), 'invite users', 'admin');
    return renderInvite(reply, { name: '', email: '', roles: ['lead'] });
  });

  app.post('/users/invite', async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body as Record<string, unknown>;
    const values = { name: textField(body, 'name'), email: textField(body, 'email'), roles: asArray(body.roles) };
    const parsed = inviteFormSchema.safeParse(values);
    if (!parsed.success) return renderInvite(reply, values, formErrorsFrom(parsed.error), 400);
    try {
      const { link, email } = await services.users.invite(actor, parsed.data);
      await services.mail.sendInvitation(email, parsed.data.name, actor.organisationName, link);
      return reply.render('users/views/invited.njk', { pageTitle: 'Invitation created', link, email, name: parsed.data.name, emailed: services.mail.enabled });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        return renderInvite(reply, values, formErrorsFromIssues([{ path: error.where ?? 'email', message: error.message }]), 400);
      }
      throw error;
    }
  });

  const renderUser = async (reply: FastifyReply, actorUserId: string, user: Awaited<ReturnType<Services['users']['getUser']>>, selected: string[], errors?: FormErrors, status = 200) =>
    reply.status(status).render('users/views/user.njk', { pageTitle: user.name, user, roleItems: roleItems(selected), errors, isSelf: user.id === actorUserId, backLink: '/users' });

  app.get('/users/:userId', async (request, reply) => {
    const actor = actorOf(request);
    const user = await services.users.getUser(actor, uuidParam(request, 'userId'));
    return renderUser(reply, actor.userId, user, user.roles);
  });

  app.post('/users/:userId', async (request, reply) => {
    const actor = actorOf(request);
    const user = await services.users.getUser(actor, uuidParam(request, 'userId'));
    const body = request.body as Record<string, unknown>;
    const roles = asArray(body.roles);
    const parsed = rolesFormSchema.safeParse({ roles });
    if (!parsed.success) return renderUser(reply, actor.userId, user, roles, formErrorsFrom(parsed.error), 400);
    try {
      await services.users.setRoles(actor, user.id, parsed.data.roles);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        return renderUser(reply, actor.userId, user, roles, formErrorsFromIssues([{ path: 'roles', message: error.message }]), 400);
      }
      throw error;
    }
    return reply.redirect('/users', 303);
  });

  app.post('/users/:userId/disable', async (request, reply) => {
    const actor = actorOf(request);
    const userId = uuidParam(request, 'userId');
    await services.users.setDisabled(actor, userId, textField(request.body as Record<string, unknown>, 'enable') !== 'yes');
    return reply.redirect('/users', 303);
  });

  app.get('/invitations/:token', async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const invitation = await services.users.findInvitation(token);
    return reply.render('users/views/accept.njk', { pageTitle: 'Create your account', invitation, token });
  });

  app.post('/invitations/:token', async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const invitation = await services.users.findInvitation(token);
    const parsed = acceptFormSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.status(400).render('users/views/accept.njk', { pageTitle: 'Create your account', invitation, token, errors: formErrorsFrom(parsed.error) });
    }
    const user = await services.users.acceptInvitation(token, parsed.data.password);
    setSessionCookie(reply, await services.auth.startSession(user), secureCookies);
    return reply.redirect('/plans', 303);
  });
}
