import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFromIssues, type FormErrors } from '../web/form-errors.ts';
import { AppError } from '../errors.ts';
import { canAdminister } from '../auth/permissions.ts';
import { PERSON_KINDS, parsePersonForm, personFormValues, type PersonFormValues } from './person-form.ts';
import type { Person } from '../db/schema.ts';

async function renderForm(
  reply: FastifyReply,
  services: Services,
  actor: Actor,
  context: { person?: Person; values: PersonFormValues; errors?: FormErrors; status?: number },
) {
  const users = await services.users.listUsers(actor);
  return reply.status(context.status ?? 200).render('people/views/person-form.njk', {
    pageTitle: context.person ? `Edit ${context.person.name}` : 'Add a person',
    kindItems: PERSON_KINDS.map((k) => ({ value: k.value, text: k.text, hint: { text: k.hint }, checked: context.values.kind === k.value })),
    userItems: [
      { value: '', text: 'Not a Waymark user', selected: context.values.userId === '' },
      ...users.map((u) => ({ value: u.id, text: `${u.name} (${u.email})`, selected: context.values.userId === u.id })),
    ],
    canLinkUser: canAdminister(actor),
    linkedUser: users.find((u) => u.id === context.values.userId)?.name ?? null,
    backLink: '/people',
    ...context,
  });
}

const valuesOf = (p: Person): PersonFormValues => ({
  name: p.name,
  roleTitle: p.role_title ?? '',
  initials: p.initials ?? '',
  kind: p.kind,
  email: p.email ?? '',
  userId: p.user_id ?? '',
});

export function peopleRoutes(app: FastifyInstance, services: Services): void {
  app.get('/people', async (request, reply) => {
    const actor = actorOf(request);
    const people = await services.people.listPeople(actor);
    return reply.render('people/views/people.njk', { pageTitle: 'People', people, kinds: Object.fromEntries(PERSON_KINDS.map((k) => [k.value, k.text])) });
  });

  app.get('/people/new', async (request, reply) =>
    renderForm(reply, services, actorOf(request), { values: { name: '', roleTitle: '', initials: '', kind: 'officer', email: '', userId: '' } }),
  );

  app.post('/people/new', async (request, reply) => {
    const actor = actorOf(request);
    const values = personFormValues(request.body as Record<string, unknown>);
    const parsed = parsePersonForm(values);
    if (!parsed.ok) return renderForm(reply, services, actor, { values, errors: formErrorsFromIssues(parsed.issues), status: 400 });
    try {
      await services.people.createPerson(actor, parsed.form);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        return renderForm(reply, services, actor, { values, errors: formErrorsFromIssues([{ path: error.where ?? 'name', message: error.message }]), status: 400 });
      }
      throw error;
    }
    return reply.redirect('/people', 303);
  });

  app.get('/people/:personId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const person = await services.people.getPerson(actor, uuidParam(request, 'personId'));
    return renderForm(reply, services, actor, { person, values: valuesOf(person) });
  });

  app.post('/people/:personId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const person = await services.people.getPerson(actor, uuidParam(request, 'personId'));
    const values = personFormValues(request.body as Record<string, unknown>);
    const parsed = parsePersonForm(values);
    if (!parsed.ok) return renderForm(reply, services, actor, { person, values, errors: formErrorsFromIssues(parsed.issues), status: 400 });
    try {
      await services.people.updatePerson(actor, person.id, parsed.form);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        return renderForm(reply, services, actor, { person, values, errors: formErrorsFromIssues([{ path: error.where ?? 'name', message: error.message }]), status: 400 });
      }
      throw error;
    }
    return reply.redirect('/people', 303);
  });

  app.post('/people/:personId/delete', async (request, reply) => {
    const actor = actorOf(request);
    await services.people.deletePerson(actor, uuidParam(request, 'personId'));
    return reply.redirect('/people', 303);
  });
}
