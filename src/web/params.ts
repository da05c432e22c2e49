import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid from the path; anything else is a page that does not exist (404), never a 500. */
export function uuidParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !UUID.test(value)) throw notFound('The page');
  return value;
}

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function queryText(request: FastifyRequest, name: string, max = 200): string {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}
