import type { FastifyRequest } from 'fastify';
import { checkCsrf } from './sessions.ts';

export interface UploadedFile {
  field: string;
  fileName: string;
  data: Buffer;
}

/**
 * Reads a multipart form (fields and files) and checks its CSRF token. Files arrive whole (size-limited by the
 * multipart plugin); a file input left empty (no file name) is ignored.
 */
export async function readMultipartForm(request: FastifyRequest): Promise<{ fields: Record<string, string | string[]>; files: UploadedFile[] }> {
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
  checkCsrf(request, fields._csrf);
  return { fields, files };
}

/** Form-encoded or multipart: the fields and files of a POST either way. */
export async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  if (request.isMultipart()) return readMultipartForm(request);
  return { fields: (request.body ?? {}) as Record<string, unknown>, files: [] };
}
