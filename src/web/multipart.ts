import type { FastifyRequest } from 'fastify';
import { csrfFailed, FileTooLarge } from '../errors.ts';

/** The largest file any form takes (the multipart plugin's `fileSize` limit). */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  field: string;
  fileName: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
  /** Files over the limit, read no further: a form with one is never handed to a route (see readForm). */
  oversized: { field: string; fileName: string }[];
}

/**
 * Reads a multipart form (fields and files). The session hook reads every multipart POST this way before the handler
 * runs, to check its CSRF token whether or not the route reads the body. Files arrive whole; a file over the limit
 * is noted (its bytes dropped) and the rest of the form is still read, so its token is checked as usual. A file input
 * left empty (no file name) is ignored.
 */
export async function readMultipartForm(request: FastifyRequest): Promise<MultipartForm> {
  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  const oversized: MultipartForm['oversized'] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) oversized.push({ field: part.fieldname, fileName: part.filename || part.fieldname });
      else if (part.filename) files.push({ field: part.fieldname, fileName: part.filename, data });
    } else {
      const value = String(part.value);
      const existing = fields[part.fieldname];
      fields[part.fieldname] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  }
  return { fields, files, oversized };
}

/**
 * Form-encoded or multipart: the fields and files of a POST either way. A form with a file over the limit is refused
 * with FileTooLarge (413), naming the file and the limit; nothing of it reaches the route.
 */
export function readForm(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  if (!request.isMultipart()) return Promise.resolve({ fields: (request.body ?? {}) as Record<string, unknown>, files: [] });
  // The session hook read the form and checked its token; a form it did not check is never handed on.
  const form = request.multipartForm;
  if (!form) return Promise.reject(csrfFailed());
  const [tooLarge] = form.oversized;
  if (tooLarge) return Promise.reject(new FileTooLarge(tooLarge.fileName, UPLOAD_LIMIT_BYTES, tooLarge.field, form.fields));
  return Promise.resolve({ fields: form.fields, files: form.files });
}
