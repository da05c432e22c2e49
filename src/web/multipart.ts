import type { FastifyRequest } from 'fastify';
import { csrfFailed } from '../errors.ts';

export interface UploadedFile {
  field: string;
  fileName: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
}

/**
 * Reads a multipart form (fields and files). The session hook reads every multipart POST this way before the handler
 * runs, to check its CSRF token whether or not the route reads the body. Files arrive whole (size-limited by the
 * multipart plugin); a file input left empty (no file name) is ignored.
 */
export async function readMultipartForm(request: FastifyRequest): Promise<MultipartForm> {
  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.filename) files.push({ field: part.fieldname, fileName: part.filename, data });
    } else {
      const value = String(part.value);
      const existing = fields[part.fieldname];
      fields[part.fieldname] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  }
  return { fields, files };
}

/** Form-encoded or multipart: the fields and files of a POST either way. */
export function readForm(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  if (!request.isMultipart()) return Promise.resolve({ fields: (request.body ?? {}) as Record<string, unknown>, files: [] });
  // The session hook read the form and checked its token; a form it did not check is never handed on.
  return request.multipartForm ? Promise.resolve(request.multipartForm) : Promise.reject(csrfFailed());
}
