import type { FastifyInstance } from 'fastify';
import type { CoreServices, Services } from '../services.ts';
import { createImportService } from './import-service.ts';
import { importRoutes } from './import-routes.ts';

/** Imports: upload → preview → confirm, the demonstration plans, and imports from the command line. */
export function createImportsFeature(core: CoreServices) {
  return createImportService(core.db, core.plans);
}

export function importsRoutes(app: FastifyInstance, services: Services): void {
  importRoutes(app, services);
}
