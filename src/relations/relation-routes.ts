import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFromIssues, type FormErrors } from '../web/form-errors.ts';
import { InvalidFields } from '../errors.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { parseRelationForm, relationFormValues, type RelationFormValues } from './relation-form.ts';
import type { RelationService } from './relation-service.ts';
import type { createRelationPageService } from './relation-page-service.ts';

export interface RelationRouteServices {
  relations: RelationService;
  pages: ReturnType<typeof createRelationPageService>;
}

const ids = (request: FastifyRequest) => ({ planId: uuidParam(request, 'planId'), itemId: uuidParam(request, 'itemId') });

export function relationRoutes(app: FastifyInstance, services: RelationRouteServices): void {
  const renderForm = async (reply: FastifyReply, actor: Actor, planId: string, itemId: string, form: { values?: RelationFormValues; errors?: FormErrors; status?: number } = {}) => {
    const { plan, item, panel } = await services.pages.panel(actor, planId, itemId, form);
    requireCanEditPlan(actor, plan);
    return reply.status(form.status ?? 200).render('relations/views/relation-form.njk', {
      pageTitle: `Add a related item to ${item.ref ?? item.title}`.slice(0, 100),
      plan,
      item,
      panel,
      errors: form.errors,
      backLink: `/plans/${planId}/items/${itemId}`,
    });
  };

  app.get('/plans/:planId/items/:itemId/relations/new', async (request, reply) => {
    const { planId, itemId } = ids(request);
    return renderForm(reply, actorOf(request), planId, itemId);
  });

  app.post('/plans/:planId/items/:itemId/relations', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const values = relationFormValues(request.body as Record<string, unknown>);
    const parsed = parseRelationForm(values);
    if (!parsed.ok) return renderForm(reply, actor, planId, itemId, { values, errors: formErrorsFromIssues(parsed.issues), status: 400 });
    try {
      await services.relations.addRelation(actor, planId, itemId, parsed.form);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      return renderForm(reply, actor, planId, itemId, { values, errors: formErrorsFromIssues(error.issues), status: 400 });
    }
    return reply.redirect(`/plans/${planId}/items/${itemId}`, 303);
  });

  app.post('/plans/:planId/items/:itemId/relations/:relationId/delete', async (request, reply) => {
    const { planId, itemId } = ids(request);
    await services.relations.removeRelation(actorOf(request), planId, itemId, uuidParam(request, 'relationId'));
    return reply.redirect(`/plans/${planId}/items/${itemId}`, 303);
  });

  app.get('/plans/:planId/knock-on', async (request, reply) => {
    const page = await services.pages.knockOnList(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('relations/views/knock-on.njk', { pageTitle: `Knock-on of slips: ${page.plan.title}`, ...page });
  });
}
