import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { queryText, uuidParam } from '../web/params.ts';
import { formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { flashOf, formErrorsOf } from '../measures/route-helpers.ts';
import type { RatingKind } from './domain/heat-map.ts';
import { REVIEW_FREQUENCIES } from './domain/risk-schema.ts';
import { riskFormValues, valuesOfRisk, type RiskFormValues } from './risk-form.ts';
import { FREQUENCY_LABELS } from './risk-rules.ts';
import { presetOf, RISK_SCALE_PRESETS } from './risk-scale-settings.ts';
import { listRiskActions } from './risk-repository.ts';

const FLASH: Record<string, string> = { created: 'Risk added', saved: 'Risk saved', reviewed: 'Review recorded', scale: 'Risk scale saved' };
const RATING_KINDS: RatingKind[] = ['residual', 'inherent', 'target'];
const frequencies = REVIEW_FREQUENCIES.map((value) => ({ value, text: FREQUENCY_LABELS[value] }));

export function riskRoutes(app: FastifyInstance, services: Services): void {
  const risks = services.measures.risks;

  const renderForm = async (reply: FastifyReply, actor: Actor, planId: string, riskId: string | null, values: RiskFormValues | null, errors?: FormErrors, status = 200) => {
    const data = await risks.formData(actor, planId);
    const existing = riskId ? await risks.getRisk(actor, planId, riskId) : null;
    const linked = existing ? await listRiskActions(services.db, actor.organisationId, [existing.risk.id]) : [];
    return reply.status(status).render('risks/views/risk-form.njk', {
      ...data,
      pageTitle: existing ? `Edit risk ${existing.risk.ref ?? existing.risk.title}` : 'Add a risk',
      risk: existing?.risk ?? null,
      values: values ?? (existing ? valuesOfRisk(existing.risk, linked.map((item) => item.id)) : riskFormValues({ reviewFrequency: 'monthly' })),
      frequencies,
      errors,
      backLink: existing ? `/plans/${planId}/risks/${existing.risk.id}` : `/plans/${planId}/risks`,
    });
  };

  const renderReview = async (reply: FastifyReply, actor: Actor, planId: string, riskId: string, values: RiskFormValues | null, note = '', errors?: FormErrors, status = 200) => {
    const page = await risks.riskPage(actor, planId, riskId);
    return reply.status(status).render('risks/views/risk-review.njk', {
      ...page,
      pageTitle: `Review risk ${page.risk.ref ?? page.risk.title}`,
      values: values ?? valuesOfRisk(page.risk, []),
      note,
      errors,
      backLink: `/plans/${planId}/risks/${riskId}`,
    });
  };

  app.get('/plans/:planId/risks', async (request, reply) => {
    const page = await risks.listPage(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('risks/views/risks.njk', { pageTitle: `Risks: ${page.plan.title}`, ...page, flash: flashOf(request.query, FLASH) });
  });

  app.get('/plans/:planId/risks/heat-map', async (request, reply) => {
    const asked = queryText(request, 'rating') as RatingKind;
    const kind = RATING_KINDS.includes(asked) ? asked : 'residual';
    const page = await risks.heatMap(actorOf(request), uuidParam(request, 'planId'), kind);
    return reply.render('risks/views/heat-map.njk', { pageTitle: `Risk heat map: ${page.plan.title}`, ...page, kinds: RATING_KINDS });
  });

  app.get('/plans/:planId/risks/scale', async (request, reply) => {
    const { plan, scale } = await risks.scaleOf(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('risks/views/risk-scale.njk', { pageTitle: 'Risk scale', plan, scale, chosen: presetOf(scale), presets: RISK_SCALE_PRESETS });
  });

  app.post('/plans/:planId/risks/scale', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const chosen = textField(request.body as Record<string, unknown>, 'scale');
    try {
      await risks.setRiskScale(actor, planId, chosen);
      return reply.redirect(`/plans/${planId}/risks?saved=scale`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'scale');
      const { plan, scale } = await risks.scaleOf(actor, planId);
      return reply.status(status).render('risks/views/risk-scale.njk', { pageTitle: 'Risk scale', plan, scale, chosen, presets: RISK_SCALE_PRESETS, errors });
    }
  });

  app.get('/plans/:planId/risks/new', async (request, reply) => renderForm(reply, actorOf(request), uuidParam(request, 'planId'), null, null));

  app.post('/plans/:planId/risks/new', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const values = riskFormValues(request.body as Record<string, unknown>);
    try {
      const risk = await risks.saveRisk(actor, planId, null, 0, values);
      return reply.redirect(`/plans/${planId}/risks/${risk.id}?saved=created`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'title');
      return renderForm(reply, actor, planId, null, values, errors, status);
    }
  });

  app.get('/plans/:planId/risks/:riskId', async (request, reply) => {
    const page = await risks.riskPage(actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'riskId'));
    return reply.render('risks/views/risk.njk', { pageTitle: page.risk.title, ...page, flash: flashOf(request.query, FLASH) });
  });

  app.get('/plans/:planId/risks/:riskId/edit', async (request, reply) =>
    renderForm(reply, actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'riskId'), null),
  );

  app.post('/plans/:planId/risks/:riskId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const [planId, riskId] = [uuidParam(request, 'planId'), uuidParam(request, 'riskId')];
    const body = request.body as Record<string, unknown>;
    const values = riskFormValues(body);
    try {
      await risks.saveRisk(actor, planId, riskId, Number(textField(body, 'version')), values);
      return reply.redirect(`/plans/${planId}/risks/${riskId}?saved=saved`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'title');
      return renderForm(reply, actor, planId, riskId, values, errors, status);
    }
  });

  app.get('/plans/:planId/risks/:riskId/review', async (request, reply) =>
    renderReview(reply, actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'riskId'), null),
  );

  app.post('/plans/:planId/risks/:riskId/review', async (request, reply) => {
    const actor = actorOf(request);
    const [planId, riskId] = [uuidParam(request, 'planId'), uuidParam(request, 'riskId')];
    const body = request.body as Record<string, unknown>;
    const values = riskFormValues(body);
    const note = typeof body.note === 'string' ? body.note : '';
    try {
      await risks.reviewRisk(actor, planId, riskId, { ratings: values.ratings, note, status: values.status });
      return reply.redirect(`/plans/${planId}/risks/${riskId}?saved=reviewed`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'residualLikelihood');
      return renderReview(reply, actor, planId, riskId, values, note, errors ?? formErrorsFromIssues([]), status);
    }
  });
}
