import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { API_PREFIX, OPERATIONS } from './api-operations.ts';
import { apiDocument, validatorFor } from './api-test-client.test-support.ts';

/**
 * No OpenAPI 3.1 meta-schema is installed, so the document's shape is checked here against the 3.1 specification's
 * rules that matter for clients (fixed fields, operation ids, responses, parameters, references), and every schema in
 * it is checked against the JSON Schema 2020-12 meta-schema with ajv.
 */

type Json = Record<string, unknown>;
/** vitest's asymmetric matchers are typed `any`; held as `unknown` so the objects below stay typed. */
const anyString: unknown = expect.any(String);
const anyObject: unknown = expect.any(Object);
const anyBoolean: unknown = expect.any(Boolean);
const doc = apiDocument as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; securitySchemes: Json } };

function refsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe('the OpenAPI 3.1 document', () => {
  it('has the fixed fields of an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc).toMatchObject({ info: { title: anyString, version: anyString }, jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' });
    expect(Object.keys(doc).every((key) => ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs'].includes(key))).toBe(true);
    const bearer: unknown = expect.objectContaining({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes).toEqual({ bearer });
  });

  it('describes every operation once, with a unique id, its parameters and documented responses', () => {
    const ids = new Set<string>();
    for (const op of OPERATIONS) {
      const described = doc.paths[`${API_PREFIX}${op.path}`]?.[op.method] as Json & { parameters: Json[]; responses: Record<string, Json> };
      expect(described, `${op.method} ${op.path}`).toBeDefined();
      expect(described.operationId).toBe(op.id);
      ids.add(op.id);
      const templateParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(described.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(templateParams);
      for (const parameter of described.parameters) {
        expect(['path', 'query']).toContain(parameter.in);
        expect(parameter).toMatchObject({ name: anyString, schema: anyObject, required: anyBoolean });
        if (parameter.in === 'path') expect(parameter.required).toBe(true);
      }
      expect(Object.keys(described.responses)).toContain(String(op.status));
      for (const [status, response] of Object.entries(described.responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(response.description).toEqual(expect.any(String));
      }
      if (op.method === 'post') expect(described.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { $ref: anyString } } } });
    }
    expect(ids.size).toBe(OPERATIONS.length);
    const operationCount = Object.values(doc.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    expect(operationCount).toBe(OPERATIONS.length);
  });

  it('resolves every reference, and every schema is valid JSON Schema 2020-12', () => {
    for (const ref of refsOf(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(doc.components.schemas[ref.split('/').at(-1) as string], ref).toBeDefined();
    }
    const ajv = new Ajv2020({ strict: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(ajv.validateSchema(schema), `${name}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      expect(() => validatorFor(name)).not.toThrow();
    }
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods) as { parameters: { schema: Json }[] }[]) for (const p of op.parameters) expect(ajv.validateSchema(p.schema)).toBe(true);
    }
  });

  it('rejects what the API would not send: an unknown field or a wrong type fails validation', () => {
    const validate = validatorFor('Update');
    const update = { id: '6f1c1e1e-4b7a-4c55-9a8e-2f2f0b0d6a11', itemId: '6f1c1e1e-4b7a-4c55-9a8e-2f2f0b0d6a12', period: null, asOf: '2026-03-31', publishedOn: '2026-04-02' };
    expect(validate(update)).toBe(true);
    expect(validate({ ...update, authorName: 'someone' })).toBe(false);
    expect(validate({ ...update, asOf: '31/03/2026' })).toBe(false);
    expect(validate({ ...update, rag: 'purple' })).toBe(false);
  });
});
