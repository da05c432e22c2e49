import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/connection.ts';
import type { ReportFormat } from '../../db/schema.ts';
import type { BuiltReport } from '../build/report-builder.ts';
import type { ReportRequest } from '../build/report-request.ts';
import { reportModelSchema } from '../model/report-model.ts';
import { reportFormats, writeReportFile, type ReportFile } from '../report-files.ts';
import type { PackLabel } from './pack-label.ts';
import { insertPack, insertPackFiles } from './pack-repository.ts';

export type IssueProgress = (written: ReportFormat[]) => void;

/**
 * Writes every format of a built report and stores the pack, its model and its files in one transaction, with an
 * audit entry naming each file's SHA-256. After this nothing about the pack's content can change (see the migration).
 */
export async function storePack(
  db: Db, actor: Actor, built: BuiltReport, request: ReportRequest, label: PackLabel,
  options: { packId?: string; onProgress?: IssueProgress } = {},
): Promise<string> {
  const model = reportModelSchema.parse(built.model);
  const files: ReportFile[] = [];
  for (const { format } of reportFormats) {
    files.push(await writeReportFile(model, format));
    options.onProgress?.(files.map((file) => file.format));
  }
  const packId = options.packId ?? randomUUID();
  const stored = files.map((file) => ({
    organisation_id: actor.organisationId, pack_id: packId, format: file.format, file_name: file.fileName,
    content_type: file.contentType, size_bytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), bytes: file.bytes,
  }));
  await db.transaction().execute(async (trx) => {
    await insertPack(trx, {
      id: packId, organisation_id: actor.organisationId, plan_id: built.plan.id, plan_ids: [request.planId, ...request.otherPlanIds],
      title: label.title, note: label.note, audience: model.audience, as_at: model.asAt,
      options: JSON.stringify({ ...request, templateName: built.template?.name ?? null }), model: JSON.stringify(model),
      issued_by_user_id: actor.userId, issued_by_name: actor.name,
    });
    await insertPackFiles(trx, stored);
    await recordAudit(trx, actor, {
      entityType: 'report_pack', entityId: packId, planId: built.plan.id, action: 'issue',
      after: { title: label.title, audience: model.audience, asAt: model.asAt, files: stored.map(({ format, file_name, size_bytes, sha256 }) => ({ format, file_name, size_bytes, sha256 })) },
    });
  });
  return packId;
}
