import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { requireAnyRole } from '../../auth/permissions.ts';
import { AppError, InvalidFields } from '../../errors.ts';
import type { ReportTemplateRow } from '../../db/schema.ts';
import type { Services } from '../../services.ts';
import { formErrorsFromIssues, type FieldIssue } from '../../web/form-errors.ts';
import { readForm } from '../../web/multipart.ts';
import { uuidParam } from '../../web/params.ts';
import { actorOf } from '../../web/sessions.ts';
import { standardColumns } from '../build/report-columns.ts';
import { sectionIds, sectionLabels } from '../build/report-request.ts';
import { emptyTemplateValues, templateFormValues, templateValuesOf, type TemplateFormValues } from '../templates/template-form.ts';

/** The organisation's report templates: list, create, edit (with a logo upload) and delete. Admins and plan owners. */
export function templateRoutes(app: FastifyInstance, services: Services): void {
  const { templates } = services.reports;
  const requireManage = (actor: Actor) => requireAnyRole(actor, 'manage report templates', 'admin', 'plan_owner');

  async function renderForm(reply: FastifyReply, actor: Actor, template: ReportTemplateRow | null, values: TemplateFormValues, issues: FieldIssue[] = [], status?: number) {
    const fieldNames = await templates.fieldNames(actor);
    return reply.status(status ?? (issues.length > 0 ? 400 : 200)).render('reports/views/template-form.njk', {
      pageTitle: template ? `Edit ${template.name}` : 'Create a report template', template, values, backLink: '/reports/templates',
      standardNames: standardColumns.map((col) => col.label), fieldNames,
      sectionItems: sectionIds.map((id) => ({ value: id, text: sectionLabels[id], checked: values.sections.includes(id) })),
      logo: template?.logo && template.logo_media_type ? `data:${template.logo_media_type};base64,${template.logo.toString('base64')}` : null,
      errors: formErrorsFromIssues(issues),
    });
  }

  app.get('/reports/templates', async (request, reply) => {
    const actor = actorOf(request);
    requireManage(actor);
    return reply.render('reports/views/templates.njk', { pageTitle: 'Report templates', templates: await templates.list(actor) });
  });

  app.get('/reports/templates/new', async (request, reply) => {
    const actor = actorOf(request);
    requireManage(actor);
    return renderForm(reply, actor, null, emptyTemplateValues());
  });

  app.get('/reports/templates/:templateId', async (request, reply) => {
    const actor = actorOf(request);
    const template = await templates.get(actor, uuidParam(request, 'templateId'));
    return renderForm(reply, actor, template, templateValuesOf(template));
  });

  async function save(request: Parameters<typeof actorOf>[0], reply: FastifyReply, templateId: string | null) {
    const actor = actorOf(request);
    requireManage(actor);
    const existing = templateId === null ? null : await templates.get(actor, templateId);
    const { fields, files } = await readForm(request);
    const values = templateFormValues(fields);
    const logo = files.find((file) => file.field === 'logo')?.data;
    try {
      if (existing === null) await templates.create(actor, values, logo);
      else await templates.update(actor, existing.id, values, logo);
    } catch (error) {
      if (error instanceof InvalidFields) return renderForm(reply, actor, existing, values, error.issues);
      if (error instanceof AppError && error.code === 'conflict') return renderForm(reply, actor, existing, values, [{ path: 'name', message: error.message }], 409);
      throw error;
    }
    return reply.redirect('/reports/templates', 303);
  }

  app.post('/reports/templates/new', async (request, reply) => save(request, reply, null));
  app.post('/reports/templates/:templateId', async (request, reply) => save(request, reply, uuidParam(request, 'templateId')));

  app.post('/reports/templates/:templateId/delete', async (request, reply) => {
    const actor = actorOf(request);
    await templates.remove(actor, uuidParam(request, 'templateId'));
    return reply.redirect('/reports/templates', 303);
  });
}
