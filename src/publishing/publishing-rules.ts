import { z } from 'zod';
import type { CustomFieldDefinition, PlanSettings } from '../db/schema.ts';
import { audienceSees, fieldsOfPlan, type Audience, type Visibility } from './publishing-fields.ts';

export interface Licence {
  name: string;
  url: string;
}

export const OGL_V3: Licence = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
};

/** Papers usually go out five working days before a meeting; Waymark counts calendar days, so 5 by default. */
export const DEFAULT_DAYS_BEFORE_MEETING = 5;

const visibility = z.enum(['public', 'members', 'internal']);

/** A plan's publishing rules as kept in plans.settings.publishing. */
export const publishingSettingsSchema = z.object({
  published: z.boolean().default(false),
  daysBeforeMeeting: z.number().int().min(0).max(90).default(DEFAULT_DAYS_BEFORE_MEETING),
  /** "Publish now": approved updates (and agreed date changes) up to this moment are published. ISO timestamp. */
  releasedUpTo: z.string().nullable().default(null),
  visibility: z.record(z.string(), visibility).default({}),
  licence: z.object({ name: z.string(), url: z.string() }).nullable().default(null),
});

export type PublishingSettings = z.infer<typeof publishingSettingsSchema>;

export interface PublishingRules extends PublishingSettings {
  /** Every field of the plan with the visibility that applies (its own setting, else the default). */
  fields: { key: string; label: string; group: string; hint: string; visibility: Visibility }[];
}

type PlanLike = { settings: PlanSettings; custom_fields: CustomFieldDefinition[] };

/** The settings as stored; anything unreadable falls back to the defaults (nothing published). */
export function publishingSettingsOf(settings: PlanSettings | null | undefined): PublishingSettings {
  const stored = (settings as { publishing?: unknown } | null | undefined)?.publishing ?? {};
  const parsed = publishingSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : publishingSettingsSchema.parse({});
}

export function publishingRulesOf(plan: PlanLike): PublishingRules {
  const settings = publishingSettingsOf(plan.settings);
  const fields = fieldsOfPlan(plan.custom_fields ?? []).map((field) => ({
    key: field.key,
    label: field.label,
    group: field.group,
    hint: field.hint,
    visibility: settings.visibility[field.key] ?? field.defaultVisibility,
  }));
  return { ...settings, fields };
}

/** What one audience may see of a plan: `sees(key)` for every field key; unknown keys are never seen. */
export interface FieldView {
  audience: Audience;
  sees: (key: string) => boolean;
  /** The plan's custom fields this audience sees, with their labels. */
  customFields: { key: string; label: string }[];
}

export function fieldViewOf(plan: PlanLike, audience: Audience): FieldView {
  const rules = publishingRulesOf(plan);
  const seen = new Set(rules.fields.filter((field) => audienceSees(audience, field.visibility)).map((field) => field.key));
  return {
    audience,
    sees: (key) => seen.has(key),
    customFields: (plan.custom_fields ?? []).filter((field) => seen.has(`custom:${field.key}`)).map((field) => ({ key: field.key, label: field.label })),
  };
}
