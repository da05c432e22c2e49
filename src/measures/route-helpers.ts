import { AppError, InvalidFields } from '../errors.ts';
import { formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';

/** Errors a service reports about the form (bad fields or someone else's save) as an error summary; else rethrown. */
export function formErrorsOf(error: unknown, fallbackField: string): { errors: FormErrors; status: number } {
  if (error instanceof InvalidFields) return { errors: formErrorsFromIssues(error.issues), status: 400 };
  if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) {
    return { errors: formErrorsFromIssues([{ path: error.where ?? fallbackField, message: error.message }]), status: error.status };
  }
  throw error;
}

export const flashOf = (query: unknown, messages: Record<string, string>) => messages[textField((query ?? {}) as Record<string, unknown>, 'saved')] ?? null;
