import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { canEditPlan, requireCanEditPlan } from '../auth/permissions.ts';
import type { Db } from '../db/connection.ts';
import type { ReportFormat } from '../db/schema.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { listPeriods } from '../updates/period-repository.ts';
import { rulesOf } from '../updates/domain/plan-rules.ts';
import { planLeads, planStatusWords, planThemes } from './build/builder-options.ts';
import type { ReportSources } from './build/report-appendices.ts';
import { createReportBuilder } from './build/report-builder.ts';
import type { ReportRequest } from './build/report-request.ts';
import { createIssueJobs } from './packs/issue-jobs.ts';
import type { PackLabel } from './packs/pack-label.ts';
import { storePack } from './packs/pack-issue.ts';
import { listPlanPacks } from './packs/pack-repository.ts';
import { createPreviewModels } from './preview-models.ts';
import { writeReportFile, type ReportFile } from './report-files.ts';
import { listTemplates } from './templates/template-repository.ts';

/** Building, downloading and issuing reports for a plan. */
export function createReportService(db: Db, plans: PlanService, log: { error: (object: object, message: string) => void }) {
  const builder = createReportBuilder(db, plans);
  const jobs = createIssueJobs(log);
  const previews = createPreviewModels();

  return {
    build: builder.build,
    jobs,

    /** What the report builder's form offers for a plan. */
    async builderPage(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const [templates, periods, themes, leads, used, allPlans, packs] = await Promise.all([
        listTemplates(db, actor.organisationId),
        listPeriods(db, actor.organisationId, planId),
        planThemes(db, actor.organisationId, planId),
        planLeads(db, actor.organisationId, planId),
        planStatusWords(db, actor.organisationId, planId),
        plans.listPlans(actor),
        listPlanPacks(db, actor.organisationId, planId),
      ]);
      const statuses = [...new Set([...used.map((row) => row.status ?? ''), ...rulesOf(plan.settings).statuses.map((s) => s.label)])].filter(Boolean);
      return {
        plan, templates, periods, themes, leads, statuses, packs, canIssue: canEditPlan(actor, plan),
        otherPlans: allPlans.filter((other) => other.id !== planId).map((other) => ({ id: other.id, title: other.title })),
      };
    },

    /** Builds the report for the preview page; the token lets its download links give exactly this report. */
    async preview(actor: Actor, request: ReportRequest, sources: ReportSources = {}) {
      const built = await builder.build(actor, request, sources);
      return { ...built, token: previews.keep(actor.userId, built.plan.id, built.model) };
    },

    /** One format of the report (not stored): the one previewed with `token` if it is still kept, else built now. */
    async download(actor: Actor, request: ReportRequest, format: ReportFormat, sources: ReportSources = {}, token = ''): Promise<ReportFile> {
      const plan = await plans.getPlan(actor, request.planId);
      const model = previews.find(actor.userId, plan.id, token) ?? (await builder.build(actor, request, sources)).model;
      return writeReportFile(model, format);
    },

    /**
     * Issues a pack: checks permission and builds the model now (bad input is refused here, with nothing stored),
     * then writes and stores the files in the background, reporting progress to `jobs`. Returns the pack's id.
     */
    async startIssue(actor: Actor, request: ReportRequest, label: PackLabel, sources: ReportSources = {}): Promise<string> {
      const plan = await plans.getPlan(actor, request.planId);
      requireCanEditPlan(actor, plan);
      const built = await builder.build(actor, request, sources);
      const packId = randomUUID();
      jobs.start(
        { packId, organisationId: actor.organisationId, planId: plan.id, total: 5 },
        (onProgress) => storePack(db, actor, built, request, label, { packId, onProgress }),
      );
      return packId;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
