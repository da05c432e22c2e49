import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFrom, textField, type FormErrors } from '../web/form-errors.ts';
import { datePartsFrom, parseDateParts } from '../web/date-input.ts';
import { canEditPlan } from '../auth/permissions.ts';
import { cycleFormSchema, meetingFormSchema } from './cycle-service.ts';

export function cycleRoutes(app: FastifyInstance, services: Services): void {
  const render = async (reply: FastifyReply, actor: Actor, planId: string, values: Record<string, string>, errors?: FormErrors, status = 200) => {
    const page = await services.cycles.list(actor, planId);
    return reply.status(status).render('updates/views/cycles.njk', {
      pageTitle: `Reporting cycles: ${page.plan.title}`,
      ...page,
      values,
      errors,
      canEdit: canEditPlan(actor, page.plan),
      today: new Date().toISOString().slice(0, 10),
    });
  };

  app.get('/plans/:planId/cycles', async (request, reply) =>
    render(reply, actorOf(request), uuidParam(request, 'planId'), { name: 'Quarterly progress report', frequency: 'quarterly', dueDays: '10', reminderDays: '5', periodEnds: '' }),
  );

  app.post('/plans/:planId/cycles', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const body = request.body as Record<string, unknown>;
    const values = { name: textField(body, 'name'), frequency: textField(body, 'frequency'), dueDays: textField(body, 'dueDays'), reminderDays: textField(body, 'reminderDays'), periodEnds: textField(body, 'periodEnds') };
    const parsed = cycleFormSchema.safeParse(values);
    if (!parsed.success) return render(reply, actor, planId, values, formErrorsFrom(parsed.error), 400);
    await services.cycles.createCycle(actor, planId, parsed.data);
    return reply.redirect(`/plans/${planId}/cycles`, 303);
  });

  app.post('/plans/:planId/periods/:periodId/meetings', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const periodId = uuidParam(request, 'periodId');
    const body = request.body as Record<string, unknown>;
    const date = parseDateParts(datePartsFrom(body, 'meetingDate'), 'Meeting date');
    const parsed = meetingFormSchema.safeParse({ name: textField(body, 'meetingName'), date: 'iso' in date ? date.iso ?? '' : '' });
    if (!parsed.success || 'error' in date) {
      const message = 'error' in date ? date.error : parsed.error?.issues[0]?.message ?? 'Check the meeting';
      const errors = { summary: [{ text: message, href: `#meetingName-${periodId}` }], fields: {} };
      return render(reply, actor, planId, {}, errors, 400);
    }
    await services.cycles.addMeeting(actor, planId, periodId, parsed.data);
    return reply.redirect(`/plans/${planId}/cycles`, 303);
  });
}
