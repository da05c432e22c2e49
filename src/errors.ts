/**
 * The one catalogue of user-facing errors: a code, an HTTP status, a message a person can act on, and where the
 * problem is (file, row, field) when that applies. Services throw these; the error handler renders them.
 */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'not_signed_in'
  | 'csrf_failed'
  | 'conflict'
  | 'invalid_input'
  | 'rate_limited'
  | 'payload_too_large'
  | 'import_failed'
  | 'link_expired';

const statusOf: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  not_signed_in: 401,
  csrf_failed: 403,
  conflict: 409,
  invalid_input: 400,
  rate_limited: 429,
  payload_too_large: 413,
  import_failed: 422,
  link_expired: 410,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (action: string) => new AppError('forbidden', `You do not have permission to ${action}.`);
export const notSignedIn = () => new AppError('not_signed_in', 'Sign in to continue.');
export const csrfFailed = () =>
  new AppError('csrf_failed', 'This form has expired or was not sent from Waymark. Go back, reload the page and try again.');
export const conflict = (message: string) => new AppError('conflict', message);
export const invalidInput = (message: string, where?: string) => new AppError('invalid_input', message, where);
/** Issued packs are the council's record of what went to committee: deleting their plan would delete them too. */
export const planHasIssuedPacks = (count: number) =>
  new AppError('forbidden', `This plan has ${count} issued report ${count === 1 ? 'pack' : 'packs'}; only an administrator can delete it.`);
export const linkExpired = (what: string) => new AppError('link_expired', `This ${what} link has expired or has already been used.`);

/**
 * A file over the upload limit. Nothing from its form is used; `fields` (the form's other values) let a route show the
 * form again, with this message beside the file input (`where`).
 */
export class FileTooLarge extends AppError {
  constructor(
    readonly fileName: string,
    limitBytes: number,
    field: string,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {
    const limit = `${Number((limitBytes / (1024 * 1024)).toFixed(1))} MB`;
    super('payload_too_large', `${fileName} is larger than the ${limit} limit. Choose a smaller file, or make this one smaller (for example by removing pictures), and try again.`, field);
  }
}

/** Several fields wrong at once (a service's own checks): the form shows each beside its field. */
export class InvalidFields extends AppError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('invalid_input', issues[0]?.message ?? 'Check your answers', issues[0]?.path);
  }
}
