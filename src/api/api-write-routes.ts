import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Update } from '../db/schema.ts';
import type { UpdateService } from '../updates/update-service.ts';
import type { UpdateForm } from '../updates/update-form.ts';
import type { AnonymousLimits } from '../portal/rate-limits.ts';
import { apiRoute } from './api-http.ts';
import { operation } from './api-operations.ts';
import type { NewUpdate } from './api-schemas.ts';

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The API's body as the update form's values: the same service then checks it exactly as it checks the web form. */
export function updateFormOf(body: z.infer<typeof NewUpdate>): UpdateForm {
  return {
    status: body.status.trim(),
    ragProposed: body.ragProposed ?? null,
    direction: body.direction ?? null,
    percentComplete: body.percentComplete ?? null,
    narrative: text(body.narrative),
    correctiveAction: text(body.correctiveAction),
    revisedTargetText: text(body.revisedTargetText),
    revisionReason: text(body.revisionReason),
    intent: body.intent ?? 'submit',
  };
}

export const savedUpdate = (update: Update) => ({
  id: update.id,
  itemId: update.item_id,
  state: update.state as 'draft' | 'submitted',
  asOf: update.as_of,
  status: update.status,
  ragProposed: update.rag_proposed,
  direction: update.direction,
  percentComplete: update.percent_complete,
  narrative: update.narrative,
  correctiveAction: update.corrective_action,
  revisedTargetText: update.revised_target_text,
  revisionReason: update.revision_reason,
  submittedAt: update.submitted_at ? new Date(update.submitted_at).toISOString() : null,
});

/** POST an update: leads (and editors, administrators, the plan's owner) through core.updates.saveUpdate. */
export function apiWriteRoutes(api: FastifyInstance, updates: UpdateService, limits: AnonymousLimits): void {
  apiRoute(api, operation('createItemUpdate'), limits, async ({ caller, params, body }) => {
    const actor = caller?.actor;
    if (!actor) throw new Error('createItemUpdate ran without a caller');
    const saved = await updates.saveUpdate(actor, params.planId as string, params.itemId as string, updateFormOf(body as z.infer<typeof NewUpdate>));
    return savedUpdate(saved);
  });
}
