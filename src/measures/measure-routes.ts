import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { readForm } from '../web/multipart.ts';
import { InvalidFields } from '../errors.ts';
import { flashOf, formErrorsOf } from './route-helpers.ts';
import { emptyMeasureForm, measureFormValues, valuesOfMeasure, type MeasureFormValues } from './measure-form.ts';
import { loadMeasurePeriods } from './measure-plan-data.ts';
import { linkableItems } from './measure-queries.ts';
import { POLARITY_LABELS, UNIT_LABELS } from './measure-model.ts';

const FLASH: Record<string, string> = {
  created: 'Measure added',
  saved: 'Measure saved',
  actual: 'Actual recorded',
};

export function measureRoutes(app: FastifyInstance, services: Services): void {
  const measures = services.measures.measures;

  const renderForm = async (reply: FastifyReply, actor: Actor, planId: string, measureId: string | null, values: MeasureFormValues | null, errors?: FormErrors, status = 200) => {
    const existing = measureId ? await measures.getMeasure(actor, planId, measureId) : null;
    const plan = existing?.plan ?? (await services.plans.getPlan(actor, planId));
    const [periods, items] = await Promise.all([loadMeasurePeriods(services.db, plan), linkableItems(services.db, plan)]);
    return reply.status(status).render('measures/views/measure-form.njk', {
      pageTitle: existing ? `Edit ${existing.row.title}` : 'Add a measure',
      plan,
      measure: existing?.row ?? null,
      values: values ?? (existing ? valuesOfMeasure(existing.row) : emptyMeasureForm()),
      periods,
      items,
      units: Object.entries(UNIT_LABELS).map(([value, text]) => ({ value, text })),
      polarities: Object.entries(POLARITY_LABELS).map(([value, text]) => ({ value, text })),
      errors,
      backLink: existing ? `/plans/${planId}/measures/${existing.row.id}` : `/plans/${planId}/measures`,
    });
  };

  const renderMeasure = async (reply: FastifyReply, actor: Actor, planId: string, measureId: string, extra: Record<string, unknown> = {}, status = 200) => {
    const page = await measures.measurePage(actor, planId, measureId);
    return reply.status(status).render('measures/views/measure.njk', { pageTitle: page.row.title, ...page, actual: {}, ...extra });
  };

  app.get('/plans/:planId/measures', async (request, reply) => {
    const page = await measures.listPage(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('measures/views/measures.njk', { pageTitle: `Measures: ${page.plan.title}`, ...page, flash: flashOf(request.query, { imported: 'Actuals imported' }) });
  });

  app.get('/plans/:planId/measures/new', async (request, reply) => renderForm(reply, actorOf(request), uuidParam(request, 'planId'), null, null));

  app.post('/plans/:planId/measures/new', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const plan = await services.plans.getPlan(actor, planId);
    const values = measureFormValues(request.body as Record<string, unknown>, await loadMeasurePeriods(services.db, plan));
    try {
      const created = await measures.saveMeasure(actor, planId, null, 0, values);
      return reply.redirect(`/plans/${planId}/measures/${created.id}?saved=created`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'title');
      return renderForm(reply, actor, planId, null, values, errors, status);
    }
  });

  app.get('/plans/:planId/measures/:measureId', async (request, reply) => {
    const flash = flashOf(request.query, FLASH);
    return renderMeasure(reply, actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'measureId'), { flash });
  });

  app.get('/plans/:planId/measures/:measureId/edit', async (request, reply) =>
    renderForm(reply, actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'measureId'), null),
  );

  app.post('/plans/:planId/measures/:measureId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const [planId, measureId] = [uuidParam(request, 'planId'), uuidParam(request, 'measureId')];
    const { plan } = await measures.getMeasure(actor, planId, measureId);
    const body = request.body as Record<string, unknown>;
    const values = measureFormValues(body, await loadMeasurePeriods(services.db, plan));
    try {
      await measures.saveMeasure(actor, planId, measureId, Number(textField(body, 'version')), values);
      return reply.redirect(`/plans/${planId}/measures/${measureId}?saved=saved`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'title');
      return renderForm(reply, actor, planId, measureId, values, errors, status);
    }
  });

  app.post('/plans/:planId/measures/:measureId/actuals', async (request, reply) => {
    const actor = actorOf(request);
    const [planId, measureId] = [uuidParam(request, 'planId'), uuidParam(request, 'measureId')];
    const body = request.body as Record<string, unknown>;
    const entry = { period: textField(body, 'period'), value: textField(body, 'value'), updateId: textField(body, 'updateId') };
    try {
      await measures.enterActual(actor, planId, measureId, entry);
      return reply.redirect(`/plans/${planId}/measures/${measureId}?saved=actual`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'value');
      return renderMeasure(reply, actor, planId, measureId, { errors, actual: entry }, status);
    }
  });

  app.get('/plans/:planId/measures/import', async (request, reply) => {
    const plan = await services.plans.getPlan(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('measures/views/measure-import.njk', { pageTitle: 'Import actuals', plan, periods: await loadMeasurePeriods(services.db, plan) });
  });

  app.post('/plans/:planId/measures/import', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const { files } = await readForm(request);
    const file = files.find((candidate) => candidate.field === 'file');
    const plan = await services.plans.getPlan(actor, planId);
    const render = (errors: FormErrors) =>
      loadMeasurePeriods(services.db, plan).then((periods) => reply.status(400).render('measures/views/measure-import.njk', { pageTitle: 'Import actuals', plan, periods, errors }));
    if (!file) return render(formErrorsFromIssues([{ path: 'file', message: 'Choose a CSV or Excel file of actuals' }]));
    try {
      await measures.importActuals(actor, planId, file.fileName, file.data);
      return reply.redirect(`/plans/${planId}/measures?saved=imported`, 303);
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      const summary = error.issues.map((issue) => ({ text: issue.message, href: '#file' }));
      return render({ summary, fields: { file: { text: summary.length === 1 ? (summary[0]?.text ?? '') : `${summary.length} problems: nothing was imported. See the list above.` } } });
    }
  });
}
