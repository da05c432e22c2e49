import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFrom, formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { VISIBILITIES, VISIBILITY_LABELS } from './publishing-fields.ts';
import { licenceSchema, parsePublishingForm, publishingFormValues, visibilityInputName, type PublishingFormValues } from './publishing-form.ts';
import type { PublishingService } from './publishing-service.ts';

type PageData = Awaited<ReturnType<PublishingService['page']>>;

const GROUP_HEADINGS: Record<string, string> = { item: 'Action fields', update: 'Update fields', plan: 'Plan-wide information' };

function viewModel(page: PageData, values: PublishingFormValues) {
  const groups = ['item', 'update', 'plan'].map((group) => ({
    heading: GROUP_HEADINGS[group],
    fields: page.rules.fields
      .map((field, index) => ({ ...field, index }))
      .filter((field) => field.group === group)
      .map((field) => ({
        id: visibilityInputName(field.index),
        label: field.label,
        hint: field.hint,
        items: VISIBILITIES.map((v) => ({ value: v, text: VISIBILITY_LABELS[v], selected: (values.visibility[field.key] ?? field.visibility) === v })),
      })),
  }));
  return { groups };
}

const currentValues = (page: PageData): PublishingFormValues => ({
  published: page.rules.published ? 'yes' : 'no',
  daysBeforeMeeting: String(page.rules.daysBeforeMeeting),
  licenceName: page.rules.licence?.name ?? '',
  licenceUrl: page.rules.licence?.url ?? '',
  visibility: Object.fromEntries(page.rules.fields.map((field) => [field.key, field.visibility])),
});

const flashes: Record<string, string> = { saved: 'Publishing rules saved', published: 'Approved updates published now', unchanged: 'Nothing changed' };

/** The officers' publishing page of a plan, and the organisation's open-data licence. `afterPublish` runs after "publish now" (follow e-mails). */
export function publishingRoutes(app: FastifyInstance, service: PublishingService, afterPublish: () => Promise<void> = async () => {}): void {
  const render = (request: FastifyRequest, reply: FastifyReply, page: PageData, values: PublishingFormValues, errors?: FormErrors, status = 200) => {
    const done = (request.query as Record<string, unknown>).done;
    const flash = flashes[typeof done === 'string' ? done : ''];
    const isAdmin = request.actor?.roles.has('admin') ?? false;
    return reply.status(status).render('publishing/views/publishing.njk', { pageTitle: `Publishing – ${page.plan.title}`, ...page, ...viewModel(page, values), values, errors, flash, isAdmin });
  };

  app.get('/plans/:planId/publishing', async (request, reply) => {
    const page = await service.page(actorOf(request), uuidParam(request, 'planId'));
    return render(request, reply, page, currentValues(page));
  });

  app.post('/plans/:planId/publishing', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const page = await service.page(actor, planId);
    const values = publishingFormValues(request.body as Record<string, unknown>, page.rules.fields.map((field) => field.key));
    const parsed = parsePublishingForm(values);
    if (!parsed.ok) return render(request, reply, page, values, formErrorsFromIssues(parsed.issues), 400);
    const changed = await service.save(actor, planId, parsed.form);
    return reply.redirect(`/plans/${planId}/publishing?done=${changed > 0 ? 'saved' : 'unchanged'}`, 303);
  });

  app.post('/plans/:planId/publishing/publish-now', async (request, reply) => {
    const planId = uuidParam(request, 'planId');
    await service.publishNow(actorOf(request), planId);
    await afterPublish();
    return reply.redirect(`/plans/${planId}/publishing?done=published`, 303);
  });

  const renderLicence = async (request: FastifyRequest, reply: FastifyReply, values?: { licenceName: string; licenceUrl: string }, errors?: FormErrors) => {
    const { licence, isDefault } = await service.organisationLicence(actorOf(request));
    const shown = values ?? { licenceName: isDefault ? '' : licence.name, licenceUrl: isDefault ? '' : licence.url };
    const saved = (request.query as Record<string, unknown>).done === 'saved';
    return reply.status(errors ? 400 : 200).render('publishing/views/licence.njk', { pageTitle: 'Open data licence', licence, isDefault, values: shown, errors, flash: saved ? 'Licence saved' : undefined });
  };

  app.get('/publishing/licence', async (request, reply) => renderLicence(request, reply));

  app.post('/publishing/licence', async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const values = { licenceName: textField(body, 'licenceName').trim(), licenceUrl: textField(body, 'licenceUrl').trim() };
    const parsed = licenceSchema.safeParse(values);
    if (!parsed.success) return renderLicence(request, reply, values, formErrorsFrom(parsed.error));
    await service.saveOrganisationLicence(actorOf(request), values.licenceName ? { name: values.licenceName, url: values.licenceUrl } : null);
    return reply.redirect('/publishing/licence?done=saved', 303);
  });
}
