import type { FastifyInstance } from 'fastify';
import type { CoreServices, Services } from '../services.ts';
import type { ReportSources } from './build/report-appendices.ts';
import { createPackService } from './packs/pack-service.ts';
import { createReportService } from './report-service.ts';
import { createTemplateService } from './templates/template-service.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { packRoutes } from './routes/pack-routes.ts';
import { templateRoutes } from './routes/template-routes.ts';

/**
 * Committee reports (issue 6): the report builder (model as at a date → DOCX, PDF, XLSX, CSV, HTML), issued packs
 * that never change, comparisons between packs, and the organisation's report templates.
 */
export function createReportsFeature(core: CoreServices) {
  return {
    ...createReportService(core.db, core.plans, core.options.log),
    packs: createPackService(core.db, core.plans),
    templates: createTemplateService(core.db),
  };
}

/** What reports take from other features when they are there (each optional). */
export function reportSources(services: Services): ReportSources {
  return {
    implicationsFor: services.measures?.implicationsFor,
    measuresFor: services.measures?.measuresFor,
    risksFor: services.measures?.risksFor,
    knockOn: services.relations?.knockOnReasons,
  };
}

/** The reports feature's routes. */
export function reportsRoutes(app: FastifyInstance, services: Services): void {
  const sources = reportSources(services);
  reportRoutes(app, services, sources);
  packRoutes(app, services);
  templateRoutes(app, services);
  // A pack being written when the app closes is finished first, so shutting down never leaves one half stored.
  app.addHook('onClose', async () => services.reports.jobs.idle());
}
