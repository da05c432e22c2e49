import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { canEditPlan } from '../../auth/permissions.ts';
import { InvalidFields, notFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { formErrorsFromIssues, type FieldIssue } from '../../web/form-errors.ts';
import { queryText, uuidParam } from '../../web/params.ts';
import { actorOf } from '../../web/sessions.ts';
import type { ReportSources } from '../build/report-appendices.ts';
import { parseReportForm, reportFormValues, reportQueryPairs, reportQueryString, type ReportFormValues } from '../build/report-form.ts';
import { packLabelValues, parsePackLabel, suggestedPackTitle } from '../packs/pack-label.ts';
import { attachment, isReportFormat, reportFormats } from '../report-files.ts';
import { reportFileName } from '../writers/file-name.ts';
import { renderReportHtml } from '../writers/report-html.ts';
import { reportStylesheet } from '../writers/report-stylesheet.ts';
import { builderViewModel } from '../views/builder-view-model.ts';
import { issueProgressView } from '../views/issue-progress-view-model.ts';

/** The report builder: the form, the preview with its downloads, and issuing a pack (with a progress page). */
export function reportRoutes(app: FastifyInstance, services: Services, sources: ReportSources): void {
  const reports = services.reports;
  const { templates } = reports;

  async function renderBuilder(reply: FastifyReply, actor: Actor, planId: string, values: ReportFormValues, issues: FieldIssue[] = []) {
    const data = await reports.builderPage(actor, planId);
    return reply.status(issues.length > 0 ? 400 : 200).render('reports/views/builder.njk', {
      pageTitle: `Reports: ${data.plan.title}`, ...data, values, view: builderViewModel(data, values),
      canManageTemplates: templates.canManage(actor), errors: formErrorsFromIssues(issues),
    });
  }

  /** The request the values describe, or the builder shown again with what is wrong (and no file). */
  async function requestOr(reply: FastifyReply, actor: Actor, planId: string, values: ReportFormValues) {
    const parsed = parseReportForm(planId, values);
    if (!parsed.ok) {
      await renderBuilder(reply, actor, planId, values, parsed.issues);
      return null;
    }
    return parsed.request;
  }

  async function withBuilderErrors<T>(reply: FastifyReply, actor: Actor, planId: string, values: ReportFormValues, run: () => Promise<T>) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error;
      await renderBuilder(reply, actor, planId, values, error.issues);
      return null;
    }
  }

  app.get('/reports/report.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(reportStylesheet));

  app.get('/plans/:planId/reports', async (request, reply) => {
    const actor = actorOf(request);
    return renderBuilder(reply, actor, uuidParam(request, 'planId'), reportFormValues(request.query as Record<string, unknown>));
  });

  async function renderPreview(reply: FastifyReply, actor: Actor, planId: string, values: ReportFormValues, label?: { title: string; note: string }, issues: FieldIssue[] = []) {
    const request = await requestOr(reply, actor, planId, values);
    if (request === null) return reply;
    const built = await withBuilderErrors(reply, actor, planId, values, () => reports.preview(actor, request, sources));
    if (built === null) return reply;
    const { model, plan, token } = built;
    return reply.status(issues.length > 0 ? 400 : 200).render('reports/views/preview.njk', {
      pageTitle: `${model.title}: ${plan.title}`, plan, model, canIssue: canEditPlan(actor, plan),
      reportHtml: renderReportHtml(model, { standalone: false }), formats: reportFormats,
      fileNames: Object.fromEntries(reportFormats.map(({ format }) => [format, reportFileName(model.planTitle, model.audience, model.asAt, format)])),
      query: reportQueryString(values), pairs: reportQueryPairs(values), token,
      label: label ?? { title: suggestedPackTitle(model.audience, model.asAt), note: '' }, errors: formErrorsFromIssues(issues),
    });
  }

  app.get('/plans/:planId/reports/preview', async (request, reply) =>
    renderPreview(reply, actorOf(request), uuidParam(request, 'planId'), reportFormValues(request.query as Record<string, unknown>)));

  app.get('/plans/:planId/reports/download/:format', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const { format } = request.params as { format: string };
    if (!isReportFormat(format)) throw notFound('The page');
    const values = reportFormValues(request.query as Record<string, unknown>);
    const reportRequest = await requestOr(reply, actor, planId, values);
    if (reportRequest === null) return reply;
    const file = await withBuilderErrors(reply, actor, planId, values, () => reports.download(actor, reportRequest, format, sources, queryText(request, 'preview', 40)));
    if (file === null) return reply;
    return reply.type(file.contentType).header('content-disposition', attachment(file.fileName)).header('cache-control', 'no-store').send(file.bytes);
  });

  app.post('/plans/:planId/reports/issue', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const body = request.body as Record<string, unknown>;
    const values = reportFormValues(body);
    const labelValues = packLabelValues(body);
    const label = parsePackLabel(labelValues);
    if (!label.ok) return renderPreview(reply, actor, planId, values, labelValues, label.issues);
    const reportRequest = await requestOr(reply, actor, planId, values);
    if (reportRequest === null) return reply;
    const packId = await withBuilderErrors(reply, actor, planId, values, () => reports.startIssue(actor, reportRequest, label.label, sources));
    if (packId === null) return reply;
    return reply.redirect(`/plans/${planId}/reports/issuing/${packId}`, 303);
  });

  app.get('/plans/:planId/reports/issuing/:packId', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const packId = uuidParam(request, 'packId');
    const plan = await services.plans.getPlan(actor, planId);
    const job = reports.jobs.find(actor.organisationId, packId);
    if (job?.planId === planId && job.state !== 'done') {
      if (job.state === 'running') reply.header('refresh', '2');
      return reply.render('reports/views/issuing.njk', { pageTitle: 'Issuing the pack', plan, progress: issueProgressView(job) });
    }
    await reports.packs.getPack(actor, planId, packId);
    return reply.redirect(`/plans/${planId}/reports/packs/${packId}?issued=1`, 303);
  });
}
