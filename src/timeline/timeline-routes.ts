import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { renderTimelineSvg } from './domain/timeline-svg.ts';
import { svgToPng } from './svg-to-png.ts';
import { timelinePage } from './timeline-page.ts';
import type { TimelineService } from './timeline-service.ts';

const fileName = (title: string, extension: string) =>
  `${title.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'plan'}-timeline.${extension}`;

export function timelineRoutes(app: FastifyInstance, timeline: TimelineService): void {
  const build = (request: FastifyRequest) =>
    timeline.build(actorOf(request), uuidParam(request, 'planId'), request.query as Record<string, unknown>);

  app.get('/plans/:planId/timeline', async (request, reply) => {
    const data = await build(request);
    return reply.render('timeline/views/timeline.njk', timelinePage(data, { canSeeMine: actorOf(request).personIds.length > 0 }));
  });

  app.get('/plans/:planId/timeline.svg', async (request, reply) => {
    const data = await build(request);
    // Shown in the page as an image; ?download=1 saves it as a file.
    const disposition = (request.query as Record<string, unknown>).download === '1' ? 'attachment' : 'inline';
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-disposition', `${disposition}; filename="${fileName(data.plan.title, 'svg')}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-cache')
      .send(data.derived('svg', () => `<?xml version="1.0" encoding="UTF-8"?>\n${renderTimelineSvg(data.model)}`));
  });

  app.get('/plans/:planId/timeline.png', async (request, reply) => {
    const data = await build(request);
    const result = await data.derived('png', () => svgToPng(renderTimelineSvg(data.model)));
    if ('unavailable' in result) {
      return reply.status(501).render('web/views/error.njk', {
        pageTitle: 'PNG export is not available',
        heading: 'PNG export is not available',
        message: 'This server cannot draw the timeline as a PNG image. Download it as SVG instead: most image and office programs open SVG.',
      });
    }
    if ('tooLarge' in result) {
      return reply.status(422).render('web/views/error.njk', {
        pageTitle: 'The timeline is too big for a PNG image',
        heading: 'The timeline is too big for a PNG image',
        message: `With ${data.model.rows.length} rows the picture would be too big to draw. Filter the timeline (for example to one theme or lead) and download the PNG again, or download it as SVG, which has no size limit.`,
      });
    }
    return reply
      .type('image/png')
      .header('content-disposition', `attachment; filename="${fileName(data.plan.title, 'png')}"`)
      .send(result.png);
  });
}
