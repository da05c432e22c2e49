import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { asArray, formErrorsFrom, textField, type FormErrors } from '../web/form-errors.ts';
import { flashOf } from '../measures/route-helpers.ts';
import { RAG_LABELS } from './domain/plan-rules.ts';
import { rulesFormValues, updateRulesFormSchema } from './update-rules-form.ts';

/** The plan's update rules page: read by anyone who sees the plan, changed by those who may edit it. */
export function updateRulesRoutes(app: FastifyInstance, services: Services): void {
  const render = async (reply: FastifyReply, actor: Actor, planId: string, values: Record<string, string | string[]> | null, extra: { errors?: FormErrors; flash?: string | null } = {}, status = 200) => {
    const page = await services.updateRules.page(actor, planId);
    return reply.status(status).render('updates/views/update-rules.njk', {
      pageTitle: `Update rules: ${page.plan.title}`,
      ...page,
      values: values ?? rulesFormValues(page.rules),
      ragLabels: RAG_LABELS,
      correctiveText: page.rules.correctiveActionOn.map((rag) => RAG_LABELS[rag]).join(', ') || 'Never',
      ...extra,
    });
  };

  app.get('/plans/:planId/rules', async (request, reply) =>
    render(reply, actorOf(request), uuidParam(request, 'planId'), null, { flash: flashOf(request.query, { rules: 'Update rules saved' }) }),
  );

  app.post('/plans/:planId/rules', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const body = request.body as Record<string, unknown>;
    const values = {
      ragMode: textField(body, 'ragMode'),
      amberDays: textField(body, 'amberDays'),
      completeRag: textField(body, 'completeRag'),
      rollup: textField(body, 'rollup'),
      correctiveActionOn: asArray(body.correctiveActionOn),
      usesPercentComplete: textField(body, 'usesPercentComplete'),
      evidenceRequiredForComplete: textField(body, 'evidenceRequiredForComplete'),
      openStatuses: textField(body, 'openStatuses'),
      completeStatuses: textField(body, 'completeStatuses'),
    };
    const parsed = updateRulesFormSchema.safeParse(values);
    if (!parsed.success) return render(reply, actor, planId, values, { errors: formErrorsFrom(parsed.error) }, 400);
    await services.updateRules.save(actor, planId, parsed.data);
    return reply.redirect(`/plans/${planId}/rules?saved=rules`, 303);
  });
}
