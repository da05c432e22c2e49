import { expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../test/support/test-app.ts';
import { API_PREFIX, operation } from './api-operations.ts';
import { Problem } from './api-schemas.ts';
import { openApiDocument } from './openapi-document.ts';

/**
 * Calls API operations by id and checks EVERY response against the OpenAPI document (with ajv, JSON Schema 2020-12)
 * and against the zod schema it was generated from. ajv and ajv-formats come with Fastify (not a Waymark dependency).
 */

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const DOC_ID = 'https://waymark.test/openapi.json';
export const apiDocument = openApiDocument('http://localhost:3000');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: apiDocument.components });
const validators = new Map<string, ValidateFunction>();

export function validatorFor(component: string): ValidateFunction {
  let validate = validators.get(component);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${component}` });
    validators.set(component, validate);
  }
  return validate;
}

/** The schema the document gives for an operation's response at a status (a component name). */
function documentedSchema(opId: string, status: number): string {
  const op = operation(opId);
  const path = (apiDocument.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>>)[`${API_PREFIX}${op.path}`];
  const response = path?.[op.method]?.responses[String(status)];
  expect(response, `${opId} documents no ${status} response`).toBeDefined();
  const content = response?.content ?? {};
  const media = content['application/json'] ?? content['application/problem+json'];
  return (media?.schema.$ref ?? '').replace('#/components/schemas/', '');
}

export interface ApiCall {
  params?: Record<string, string>;
  query?: Record<string, string>;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  json: unknown;
  response: LightMyRequestResponse;
}

export function urlOf(opId: string, call: ApiCall = {}): string {
  const op = operation(opId);
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => call.params?.[name] ?? `{${name}}`);
  const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
  return `${API_PREFIX}${path}${query}`;
}

/** Checks a response against the document and the zod schemas; returns its JSON. */
export function checkAnswer(opId: string, response: LightMyRequestResponse): ApiAnswer {
  const op = operation(opId);
  const status = response.statusCode;
  if (status === 304) {
    expect(response.body).toBe('');
    return { status, json: null, response };
  }
  const json: unknown = JSON.parse(response.body);
  const component = documentedSchema(opId, status);
  const validate = validatorFor(component);
  expect(validate(json), `${opId} ${status} does not match the OpenAPI document: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
  if (status === op.status) {
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const parsed = op.response.safeParse(json);
    expect(parsed.success, `${opId} does not match its zod schema: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
  } else {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Problem.safeParse(json).success).toBe(true);
  }
  return { status, json, response };
}

export async function callApi(test: TestApp, opId: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const op = operation(opId);
  const headers: Record<string, string> = { ...(call.token ? { authorization: `Bearer ${call.token}` } : {}), ...(call.headers ?? {}) };
  const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await test.app.inject({ method: op.method === 'get' ? 'GET' : 'POST', url: urlOf(opId, call), headers, ...(payload === undefined ? {} : { payload }) });
  return checkAnswer(opId, response);
}
