import type { FastifyInstance, FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Services } from '../services.ts';
import { actorOf } from '../web/sessions.ts';
import { formErrorsFromIssues, type FormErrors } from '../web/form-errors.ts';
import { AppError } from '../errors.ts';
import { uuidParam } from '../web/params.ts';
import { datePartsOf } from '../web/date-input.ts';
import { keepBody, type KeptBody } from '../web/kept-body.ts';
import { canCreatePlan, canEditPlan } from '../auth/permissions.ts';
import { PLAN_SOURCES, PLAN_STATUSES, parsePlanForm, planFormValues, type PlanFormValues } from './plan-form.ts';
import type { Plan } from '../db/schema.ts';

const renderForm = (reply: FastifyReply, context: { plan?: Plan; values: PlanFormValues; errors?: FormErrors; status?: number }) =>
  reply.status(context.status ?? 200).render('plans/views/plan-form.njk', {
    pageTitle: context.plan ? `Edit ${context.plan.title}` : 'Create a plan',
    sources: PLAN_SOURCES,
    statuses: PLAN_STATUSES,
    backLink: context.plan ? `/plans/${context.plan.id}` : '/plans',
    ...context,
  });

const valuesOf = (plan: Plan): PlanFormValues => ({
  title: plan.title,
  source: plan.source,
  sourceDetail: plan.source_detail ?? '',
  status: plan.status,
  levelLabels: plan.level_labels.join('\n'),
  periodStart: datePartsOf(plan.period_start),
  periodEnd: datePartsOf(plan.period_end),
});

export function planRoutes(app: FastifyInstance, services: Services): void {
  /**
   * The rendered rows of recent plan pages, under the page data's cache key (see plan-page-service.ts). Sized by their
   * bytes; the gzipped copy a browser's first request adds is about a tenth more.
   */
  const planBodies = new LRUCache<string, KeptBody>({ max: 50, maxSize: 100 * 1024 * 1024, sizeCalculation: (kept) => kept.bytes.length || 1 });
  app.get('/plans', async (request, reply) => {
    const actor = actorOf(request);
    const plans = await services.plans.listPlans(actor);
    return reply.render('plans/views/plans.njk', { pageTitle: 'Plans', plans, canCreate: canCreatePlan(actor) });
  });

  app.get('/plans/new', async (request, reply) => {
    actorOf(request);
    const empty = { day: '', month: '', year: '' };
    return renderForm(reply, { values: { title: '', source: '', sourceDetail: '', status: 'draft', levelLabels: '', periodStart: empty, periodEnd: empty } });
  });

  app.post('/plans/new', async (request, reply) => {
    const actor = actorOf(request);
    const values = planFormValues(request.body as Record<string, unknown>);
    const parsed = parsePlanForm(values);
    if (!parsed.ok) return renderForm(reply, { values, errors: formErrorsFromIssues(parsed.issues), status: 400 });
    const plan = await services.plans.createPlan(actor, parsed.form);
    return reply.redirect(`/plans/${plan.id}`, 303);
  });

  app.get('/plans/:planId', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const page = await services.planPage.build(actor, planId, request.query as Record<string, unknown>);
    const canEdit = canEditPlan(actor, page.plan);
    const bodyKey = `${page.cacheKey}|${canEdit}`;
    let body = planBodies.get(bodyKey);
    if (body === undefined) {
      body = keepBody(app.renderFragment('plans/views/plan-body.njk', { ...page, canEdit }));
      planBodies.set(bodyKey, body);
    }
    return reply.renderAround('plans/views/plan.njk', { ...page, canEdit, pageTitle: page.plan.title }, body);
  });

  app.get('/plans/:planId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const plan = await services.plans.getPlan(actor, planId);
    return renderForm(reply, { plan, values: valuesOf(plan) });
  });

  app.post('/plans/:planId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const plan = await services.plans.getPlan(actor, planId);
    const body = request.body as Record<string, unknown>;
    const values = planFormValues(body);
    const parsed = parsePlanForm(values);
    if (!parsed.ok) return renderForm(reply, { plan, values, errors: formErrorsFromIssues(parsed.issues), status: 400 });
    try {
      await services.plans.updatePlan(actor, planId, Number(body.version), parsed.form);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        return renderForm(reply, { plan, values, errors: formErrorsFromIssues([{ path: 'title', message: error.message }]), status: 409 });
      }
      throw error;
    }
    return reply.redirect(`/plans/${planId}`, 303);
  });

  app.get('/plans/:planId/delete', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const { plan, issuedPacks, refusal } = await services.plans.planDeletion(actor, planId);
    return reply.render('plans/views/plan-delete.njk', { pageTitle: `Delete ${plan.title}`, plan, issuedPacks, refusal, backLink: `/plans/${plan.id}` });
  });

  app.post('/plans/:planId/delete', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    await services.plans.deletePlan(actor, planId);
    return reply.redirect('/plans', 303);
  });
}
