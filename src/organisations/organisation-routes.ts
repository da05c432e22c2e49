import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { actorOf } from '../web/sessions.ts';
import { formErrorsFrom, textareaLines, textField, type FormErrors } from '../web/form-errors.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const settingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the organisation’s name').max(200, 'Name must be 200 characters or fewer'),
  fyStartMonth: z.coerce.number({ error: 'Select the month the financial year starts' }).int().min(1, 'Select the month the financial year starts').max(12, 'Select the month the financial year starts'),
  corporatePriorities: z
    .string()
    .max(5000, 'Corporate priorities must be 5,000 characters or fewer')
    .transform((text) =>
      textareaLines(text).map((line) => {
        const [code = '', ...rest] = line.split(':');
        return { code: code.trim().slice(0, 50), label: (rest.join(':').trim() || code.trim()).slice(0, 200) };
      }),
    ),
});

type Values = { name: string; fyStartMonth: string; corporatePriorities: string };

export function organisationRoutes(app: FastifyInstance, services: Services): void {
  const render = (reply: FastifyReply, values: Values, errors?: FormErrors, status = 200, saved = false) =>
    reply.status(status).render('organisations/views/settings.njk', {
      pageTitle: 'Organisation settings',
      flash: saved ? 'Your settings have been saved.' : null,
      values,
      errors,
      monthItems: MONTHS.map((m, i) => ({ value: String(i + 1), text: m, selected: values.fyStartMonth === String(i + 1) })),
    });

  app.get('/organisation', async (request, reply) => {
    const org = await services.organisations.getSettings(actorOf(request));
    const saved = Boolean((request.query as Record<string, unknown>).saved);
    return render(reply, {
      name: org.name,
      fyStartMonth: String(org.fy_start_month),
      corporatePriorities: org.corporate_priorities.map((p) => (p.label === p.code ? p.code : `${p.code}: ${p.label}`)).join('\n'),
    }, undefined, 200, saved);
  });

  app.post('/organisation', async (request, reply) => {
    const actor = actorOf(request);
    await services.organisations.getSettings(actor);
    const body = request.body as Record<string, unknown>;
    const values = { name: textField(body, 'name'), fyStartMonth: textField(body, 'fyStartMonth'), corporatePriorities: textField(body, 'corporatePriorities') };
    const parsed = settingsSchema.safeParse(values);
    if (!parsed.success) return render(reply, values, formErrorsFrom(parsed.error), 400);
    await services.organisations.updateSettings(actor, parsed.data);
    return reply.redirect('/organisation?saved=1', 303);
  });
}
