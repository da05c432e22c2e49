import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AnonymousLimits } from '../portal/rate-limits.ts';
import { anonymousRateLimit } from '../portal/rate-limits.ts';
import { callerOf, JsonText, sendJson } from './api-http.ts';
import { API_PREFIX, OPERATIONS } from './api-operations.ts';
import { schemaRegistry } from './api-schemas.ts';
import { openApiDocument } from './openapi-document.ts';

const schemaName = (schema: z.ZodType | undefined) => (schema ? (schemaRegistry.get(schema)?.id ?? '') : '');

/** The operations as the docs page lists them. */
export function docsModel() {
  return OPERATIONS.map((op) => ({
    id: op.id,
    method: op.method.toUpperCase(),
    path: `${API_PREFIX}${op.path}`,
    summary: op.summary,
    description: op.description,
    access: op.access === 'read' ? 'No token needed (a token with the read scope sees more)' : op.access === 'write' ? 'A token with the write scope' : 'Any token',
    parameters: [
      ...Object.entries(op.params?.shape ?? {}).map(([name]) => ({ name, where: 'path', required: true, description: '' })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, schema]) => ({ name, where: 'query', required: false, description: (schema as z.ZodType).description ?? '' })),
    ],
    body: schemaName(op.body),
    response: `${op.status} ${schemaName(op.response)}`,
  }));
}

/** GET /api/v1/openapi.json and the server-rendered docs page (no JavaScript). */
export function apiDocsRoutes(api: FastifyInstance, baseUrl: string, limits: AnonymousLimits): void {
  const config = { csrf: false, ...anonymousRateLimit(limits, (request) => callerOf(request) !== null) };
  const document = openApiDocument(baseUrl);
  const text = new JsonText(JSON.stringify(document));
  api.get(`${API_PREFIX}/openapi.json`, { config }, async (request, reply) => sendJson(request, reply, text));
  api.get(`${API_PREFIX}/docs`, { config }, async (_request, reply) =>
    reply.render('api/views/api-docs.njk', { pageTitle: 'Waymark API', operations: docsModel(), schemas: Object.keys((document.components as { schemas: object }).schemas) }),
  );
}
