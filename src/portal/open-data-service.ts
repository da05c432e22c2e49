import type ExcelJS from 'exceljs';
import type { Db } from '../db/connection.ts';
import { notFound } from '../errors.ts';
import { NO_FILTERS } from '../publishing/item-filters.ts';
import type { PublicationService } from '../publishing/publication-service.ts';
import { findOrganisationBySlug, findOrganisationLicence, listPublishedPlans } from '../publishing/publishing-repository.ts';
import { OGL_V3 } from '../publishing/publishing-rules.ts';
import { itemTable, updateTable, type PlanData } from './open-data-rows.ts';
import { escapeFormula } from '../reports/writers/spreadsheet-text.ts';

const ALL = 1_000_000;

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

async function toCsv(table: { header: string[]; rows: (string | number | null)[][] }): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(table.header);
  // Text that a spreadsheet would run as a formula (= + - @) is escaped, as in every export.
  for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : (cell ?? ''))));
  return Buffer.from(await workbook.csv.writeBuffer());
}

/** Open data: a plan's or an organisation's published (public) data as JSON or CSV, with its licence and a timestamp. */
export function createOpenDataService(db: Db, publication: PublicationService) {
  async function planData(slug: string, planId: string, now: Date): Promise<PlanData> {
    const scope = await publication.scope({ slug }, planId, 'public', now);
    const [items, updates] = await Promise.all([
      publication.itemsPage(scope, { filters: NO_FILTERS, cursor: null, limit: ALL }),
      publication.updatesPage(scope, { cursor: null, limit: ALL }),
    ]);
    return { scope, items: items.items, updates: updates.updates };
  }

  async function plansOf(slug: string, planId: string | null, now: Date): Promise<PlanData[]> {
    if (planId) return [await planData(slug, planId, now)];
    const organisation = await findOrganisationBySlug(db, slug);
    if (!organisation) throw notFound('The organisation');
    const plans = await listPublishedPlans(db, { organisationId: organisation.id });
    const out: PlanData[] = [];
    for (const plan of plans) out.push(await planData(slug, plan.id, now));
    return out;
  }

  async function json(plan: PlanData) {
    const [measures, risks] = await Promise.all([publication.measures(plan.scope), publication.risks(plan.scope)]);
    const updatesOf = new Map<string, PlanData['updates']>();
    for (const update of plan.updates) updatesOf.set(update.itemId, [...(updatesOf.get(update.itemId) ?? []), update]);
    return {
      id: plan.scope.planId,
      title: plan.scope.plan.title,
      periodStart: plan.scope.plan.period_start,
      periodEnd: plan.scope.plan.period_end,
      licence: plan.scope.licence,
      items: plan.items.map((item) => ({ ...item, updates: updatesOf.get(item.id) ?? [] })),
      ...(measures ? { measures } : {}),
      ...(risks ? { risks } : {}),
    };
  }

  return {
    async json(slug: string, planId: string | null, now = new Date()) {
      const plans = await plansOf(slug, planId, now);
      const organisation = await findOrganisationBySlug(db, slug);
      if (!organisation) throw notFound('The organisation');
      const own = await findOrganisationLicence(db, organisation.id);
      const licence = planId && plans[0] ? plans[0].scope.licence : own ? { name: own.licence_name, url: own.licence_url } : OGL_V3;
      return {
        publisher: { name: organisation.name, slug },
        licence,
        generatedAt: now.toISOString(),
        plans: await Promise.all(plans.map(json)),
      };
    },

    async csv(slug: string, planId: string | null, kind: 'actions' | 'updates', now = new Date()) {
      const plans = await plansOf(slug, planId, now);
      const stamp = { generatedAt: now.toISOString() };
      const licence = plans[0]?.scope.licence;
      return { body: await toCsv(kind === 'actions' ? itemTable(plans, stamp) : updateTable(plans, stamp)), licence, generatedAt: stamp.generatedAt };
    },
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;
