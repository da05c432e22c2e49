import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { format, parseISO } from 'date-fns';

const srcFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const govukFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

/** One Nunjucks environment: templates live beside their feature (`plans/views/plan.njk`), govuk macros from the package. */
export function createViewEngine(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([srcFolder, govukFolder], { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('govukDate', (value: unknown) => formatDate(value, 'd MMMM yyyy'));
  env.addFilter('shortDate', (value: unknown) => formatDate(value, 'dd/MM/yyyy'));
  env.addFilter('dateTime', (value: unknown) => formatDate(value, "d MMMM yyyy 'at' h:mmaaa"));
  env.addGlobal('serviceName', 'Waymark');
  return env;
}

function formatDate(value: unknown, pattern: string): string {
  if (value === null || value === undefined || value === '') return '';
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date;
  const text = scalar ? String(value) : JSON.stringify(value);
  const date = value instanceof Date ? value : parseISO(text);
  return Number.isNaN(date.getTime()) ? text : format(date, pattern);
}

export const govukAssetsFolder = path.join(govukFolder, 'govuk');
export const appAssetsFolder = path.join(srcFolder, 'web', 'assets');
