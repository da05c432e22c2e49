import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { canAdminister, requireAnyRole } from '../../auth/permissions.ts';
import { InvalidFields, notFound } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { formErrorsFromIssues, textField, type FieldIssue } from '../../web/form-errors.ts';
import { isUuid, queryText, uuidParam } from '../../web/params.ts';
import { actorOf } from '../../web/sessions.ts';
import { packLabelValues } from '../packs/pack-label.ts';
import { attachment, isReportFormat, reportFormats } from '../report-files.ts';
import { comparisonView, packSummaryView } from '../views/pack-view-model.ts';

/** Issued packs: the list, each pack and its files, comparisons, and the administrator's rename and delete. */
export function packRoutes(app: FastifyInstance, services: Services): void {
  const { packs } = services.reports;
  const base = (planId: string) => `/plans/${planId}/reports/packs`;

  app.get('/plans/:planId/reports/packs', async (request, reply) => {
    const actor = actorOf(request);
    const { plan, packs: list } = await packs.listPacks(actor, uuidParam(request, 'planId'));
    return reply.render('reports/views/packs.njk', { pageTitle: `Issued packs: ${plan.title}`, plan, packs: list });
  });

  app.get('/plans/:planId/reports/packs/:packId', async (request, reply) => {
    const actor = actorOf(request);
    const { plan, pack, files } = await packs.getPack(actor, uuidParam(request, 'planId'), uuidParam(request, 'packId'));
    const { packs: others } = await packs.listPacks(actor, plan.id);
    return reply.render('reports/views/pack.njk', {
      pageTitle: `${pack.title}: ${plan.title}`, plan, pack, files, formats: reportFormats, summary: packSummaryView(pack.model),
      others: others.filter((other) => other.id !== pack.id), isAdmin: canAdminister(actor),
      flash: queryText(request, 'issued') === '1' ? 'The pack has been issued. Its files and data will not change.' : undefined,
    });
  });

  app.get('/plans/:planId/reports/packs/:packId/files/:format', async (request, reply) => {
    const actor = actorOf(request);
    const { format } = request.params as { format: string };
    if (!isReportFormat(format)) throw notFound('The file');
    const file = await packs.packFile(actor, uuidParam(request, 'planId'), uuidParam(request, 'packId'), format);
    return reply.type(file.content_type).header('content-disposition', attachment(file.file_name)).send(file.bytes);
  });

  app.get('/plans/:planId/reports/compare', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const from = queryText(request, 'from', 40);
    const to = queryText(request, 'to', 40);
    if (!isUuid(from) || !isUuid(to)) return reply.redirect(base(planId), 303);
    const comparison = await packs.comparePacks(actor, planId, from, to);
    return reply.render('reports/views/compare.njk', { pageTitle: `Compare packs: ${comparison.plan.title}`, ...comparison, view: comparisonView(comparison.entries) });
  });

  async function renderAdminForm(reply: FastifyReply, actor: Actor, planId: string, packId: string, view: 'edit' | 'delete', values: Record<string, string> | null, issues: FieldIssue[] = []) {
    requireAnyRole(actor, view === 'edit' ? 'change an issued report pack' : 'delete an issued report pack', 'admin');
    const { plan, pack } = await packs.getPack(actor, planId, packId);
    return reply.status(issues.length > 0 ? 400 : 200).render(`reports/views/pack-${view}.njk`, {
      pageTitle: `${view === 'edit' ? 'Rename' : 'Delete'} ${pack.title}`, plan, pack, backLink: `${base(planId)}/${packId}`,
      values: values ?? { title: pack.title, note: pack.note ?? '', reason: '' }, errors: formErrorsFromIssues(issues),
    });
  }

  for (const view of ['edit', 'delete'] as const) {
    app.get(`/plans/:planId/reports/packs/:packId/${view}`, async (request, reply) =>
      renderAdminForm(reply, actorOf(request), uuidParam(request, 'planId'), uuidParam(request, 'packId'), view, null));
  }

  app.post('/plans/:planId/reports/packs/:packId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const packId = uuidParam(request, 'packId');
    const values = packLabelValues(request.body as Record<string, unknown>);
    try {
      await packs.relabelPack(actor, planId, packId, values);
    } catch (error) {
      if (error instanceof InvalidFields) return renderAdminForm(reply, actor, planId, packId, 'edit', { ...values, reason: '' }, error.issues);
      throw error;
    }
    return reply.redirect(`${base(planId)}/${packId}`, 303);
  });

  app.post('/plans/:planId/reports/packs/:packId/delete', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const packId = uuidParam(request, 'packId');
    const reason = textField(request.body as Record<string, unknown>, 'reason');
    try {
      await packs.deletePack(actor, planId, packId, reason);
    } catch (error) {
      if (error instanceof InvalidFields) return renderAdminForm(reply, actor, planId, packId, 'delete', { title: '', note: '', reason }, error.issues);
      throw error;
    }
    return reply.redirect(base(planId), 303);
  });
}
