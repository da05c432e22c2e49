import type { Actor } from '../../auth/actor.ts';
import { hasAnyRole, requireAnyRole } from '../../auth/permissions.ts';
import { recordAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/connection.ts';
import type { ReportTemplateRow } from '../../db/schema.ts';
import { conflict, InvalidFields, notFound } from '../../errors.ts';
import { checkLogo } from './logo-image.ts';
import { parseTemplateForm, type TemplateForm, type TemplateFormValues } from './template-form.ts';
import {
  deleteTemplateRow, findTemplate, findTemplateByName, insertTemplate, listTemplates, organisationFieldNames,
  updateTemplateIfCurrent, type TemplateValues,
} from './template-repository.ts';

export const canManageTemplates = (actor: Actor) => hasAnyRole(actor, 'admin', 'plan_owner');
const requireManage = (actor: Actor) => requireAnyRole(actor, 'manage report templates', 'admin', 'plan_owner');

/** What the audit log keeps of a template (the logo by its size, not its bytes). */
const audited = (row: ReportTemplateRow) => ({ ...row, logo: row.logo ? `${row.logo.length} bytes` : null });

function valuesFrom(form: TemplateForm, logo: Buffer | undefined): TemplateValues {
  const values: Partial<TemplateValues> = {};
  if (logo !== undefined) {
    const checked = checkLogo(logo);
    if (!checked.ok) throw new InvalidFields([{ path: 'logo', message: checked.message }]);
    Object.assign(values, { logo, logo_media_type: checked.mediaType, logo_width: checked.width, logo_height: checked.height });
  } else if (form.removeLogo) {
    Object.assign(values, { logo: null, logo_media_type: null, logo_width: null, logo_height: null });
  }
  return {
    ...values,
    name: form.name, title: form.title, introduction: form.introduction, columns: JSON.stringify(form.columns),
    sections: JSON.stringify(form.sections), default_audience: form.defaultAudience, logo_alt: form.logoAlt,
  };
}

/** Report templates: an organisation's own title, introduction, columns, sections and logo. */
export function createTemplateService(db: Db) {
  function parse(values: TemplateFormValues): TemplateForm {
    const parsed = parseTemplateForm(values);
    if (!parsed.ok) throw new InvalidFields(parsed.issues);
    return parsed.form;
  }

  async function requireUniqueName(actor: Actor, name: string, exceptId: string | null) {
    const same = await findTemplateByName(db, actor.organisationId, name);
    if (same && same.id !== exceptId) throw new InvalidFields([{ path: 'name', message: `There is already a template called ${name}: choose another name` }]);
  }

  return {
    canManage: canManageTemplates,

    list: (actor: Actor) => listTemplates(db, actor.organisationId),

    /** Column names a template can use: the plans' own fields across the organisation. */
    fieldNames: (actor: Actor) => organisationFieldNames(db, actor.organisationId),

    async get(actor: Actor, templateId: string): Promise<ReportTemplateRow> {
      requireManage(actor);
      const template = await findTemplate(db, actor.organisationId, templateId);
      if (!template) throw notFound('The report template');
      return template;
    },

    async create(actor: Actor, values: TemplateFormValues, logo?: Buffer): Promise<ReportTemplateRow> {
      requireManage(actor);
      const form = parse(values);
      const row = valuesFrom(form, logo);
      await requireUniqueName(actor, form.name, null);
      return db.transaction().execute(async (trx) => {
        const created = await insertTemplate(trx, actor.organisationId, row);
        await recordAudit(trx, actor, { entityType: 'report_template', entityId: created.id, action: 'create', after: audited(created) });
        return created;
      });
    },

    async update(actor: Actor, templateId: string, values: TemplateFormValues, logo?: Buffer): Promise<ReportTemplateRow> {
      requireManage(actor);
      const before = await findTemplate(db, actor.organisationId, templateId);
      if (!before) throw notFound('The report template');
      const form = parse(values);
      const row = valuesFrom(form, logo);
      await requireUniqueName(actor, form.name, templateId);
      return db.transaction().execute(async (trx) => {
        const after = await updateTemplateIfCurrent(trx, actor.organisationId, templateId, Number(values.version), row);
        if (!after) throw conflict('Someone else changed this template while you were editing it. Your changes have not been saved.');
        await recordAudit(trx, actor, { entityType: 'report_template', entityId: templateId, action: 'update', before: audited(before), after: audited(after) });
        return after;
      });
    },

    async remove(actor: Actor, templateId: string): Promise<void> {
      requireManage(actor);
      const before = await findTemplate(db, actor.organisationId, templateId);
      if (!before) throw notFound('The report template');
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, { entityType: 'report_template', entityId: templateId, action: 'delete', before: audited(before) });
        await deleteTemplateRow(trx, actor.organisationId, templateId);
      });
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
