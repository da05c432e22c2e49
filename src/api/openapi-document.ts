import { z } from 'zod';
import { API_PREFIX, OPERATIONS, type Operation } from './api-operations.ts';
import { Problem, schemaRegistry } from './api-schemas.ts';

type Json = Record<string, unknown>;

const ref = (schema: z.ZodType): Json => {
  const id = schemaRegistry.get(schema)?.id;
  if (!id) throw new Error('Every API body and response schema must be registered with an id');
  return { $ref: `#/components/schemas/${id}` };
};

/** A parameter's JSON Schema, without the keys OpenAPI does not want inside a parameter. */
function parameterSchema(schema: z.ZodType): Json {
  const { $schema: _schema, description: _description, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

function parameters(op: Operation): Json[] {
  const of = (location: 'path' | 'query', object: z.ZodObject | undefined) =>
    Object.entries(object?.shape ?? {}).map(([name, schema]) => {
      const field = schema as z.ZodType;
      const description = field.description;
      return { name, in: location, required: location === 'path' || !field.safeParse(undefined).success, schema: parameterSchema(field), ...(description ? { description } : {}) };
    });
  return [...of('path', op.params), ...of('query', op.query)];
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref(Problem) } } });

function responses(op: Operation): Json {
  return {
    [String(op.status)]: { description: op.status === 201 ? 'Created' : 'OK', ...(op.method === 'get' ? { headers: { ETag: { schema: { type: 'string' } } } } : {}), content: { 'application/json': { schema: ref(op.response) } } },
    ...(op.method === 'get' ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } } : {}),
    '400': problem('Bad request: a malformed or unknown parameter, a bad cursor, malformed JSON or unknown fields'),
    '401': problem('The token is missing (where one is needed), malformed, unknown or revoked'),
    '403': problem('The token lacks the scope, or its user the permission'),
    '404': problem('Not found, or not published to the caller'),
    ...(op.method === 'post' ? { '413': problem('The body is larger than 64 KB'), '415': problem('The body is not JSON') } : {}),
    '429': problem('Too many requests from one address without a token'),
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes use. */
export function openApiDocument(baseUrl: string): Json {
  const components = z.toJSONSchema(schemaRegistry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(Object.entries(components.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    paths[`${API_PREFIX}${op.path}`] = {
      ...(paths[`${API_PREFIX}${op.path}`] ?? {}),
      [op.method]: {
        operationId: op.id,
        summary: op.summary,
        description: op.description,
        tags: [op.tag],
        ...(op.access === 'read' ? { security: [{}, { bearer: ['read'] }] } : { security: [{ bearer: op.access === 'write' ? ['write'] : [] }] }),
        parameters: parameters(op),
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
        responses: responses(op),
      },
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Waymark API',
      version: '1.0.0',
      description: 'Improvement plans, their items, updates, measures and risks. Without a token: published plans and their public fields. Create a token on the “API tokens” page of Waymark and send it as Authorization: Bearer.',
      license: { name: 'Data: Open Government Licence v3.0 unless a plan states otherwise', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    },
    servers: [{ url: baseUrl }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (wmk_…) from the “API tokens” page.' } },
    },
  };
}
