import { randomBytes } from 'node:crypto';
import type { ReportModel } from './model/report-model.ts';

const keepFor = 15 * 60 * 1000;
const most = 50;

interface Kept {
  userId: string;
  planId: string;
  model: ReportModel;
  expires: number;
}

/**
 * The reports people have just previewed, so the download links on the preview give exactly the report that was
 * shown without building it again (building a 2,000-action plan's model takes a few hundred milliseconds). Kept
 * for 15 minutes, for the user who previewed it only; an unknown or expired token means "build it again".
 */
export function createPreviewModels(now: () => number = Date.now) {
  const kept = new Map<string, Kept>();

  function prune() {
    const at = now();
    for (const [token, entry] of kept) if (entry.expires < at) kept.delete(token);
    while (kept.size > most) {
      const oldest = kept.keys().next().value;
      if (oldest === undefined) break;
      kept.delete(oldest);
    }
  }

  return {
    keep(userId: string, planId: string, model: ReportModel): string {
      const token = randomBytes(12).toString('base64url');
      kept.set(token, { userId, planId, model, expires: now() + keepFor });
      prune();
      return token;
    },

    find(userId: string, planId: string, token: string): ReportModel | undefined {
      const entry = kept.get(token);
      if (!entry || entry.expires < now() || entry.userId !== userId || entry.planId !== planId) return undefined;
      return entry.model;
    },
  };
}
