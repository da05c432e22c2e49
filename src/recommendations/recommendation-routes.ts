import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { asArray, textField } from '../web/form-errors.ts';
import { flashOf } from '../measures/route-helpers.ts';

const FLASH: Record<string, string> = {
  marked: 'Recommendations saved',
  evidence: 'Evidence setting saved',
};

/** The coverage page, marking items as recommendations, and the evidence-before-closure switch. */
export function recommendationRoutes(app: FastifyInstance, services: Services): void {
  const recommendations = services.measures.recommendations;

  app.get('/plans/:planId/recommendations', async (request, reply) => {
    const page = await recommendations.coveragePage(actorOf(request), uuidParam(request, 'planId'));
    return reply.render('recommendations/views/recommendations.njk', { pageTitle: `Recommendations: ${page.plan.title}`, ...page, flash: flashOf(request.query, FLASH) });
  });

  app.post('/plans/:planId/recommendations/marked', async (request, reply) => {
    const planId = uuidParam(request, 'planId');
    const checked = asArray((request.body as Record<string, unknown>).recommendationIds);
    await recommendations.markRecommendations(actorOf(request), planId, checked);
    return reply.redirect(`/plans/${planId}/recommendations?saved=marked`, 303);
  });

  app.post('/plans/:planId/recommendations/evidence', async (request, reply) => {
    const planId = uuidParam(request, 'planId');
    const required = textField(request.body as Record<string, unknown>, 'evidenceRequired') === 'yes';
    await recommendations.setEvidenceRequired(actorOf(request), planId, required);
    return reply.redirect(`/plans/${planId}/recommendations?saved=evidence`, 303);
  });
}
