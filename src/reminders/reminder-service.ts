import { format, parseISO } from 'date-fns';
import type { CoreServices } from '../services.ts';
import type { ReminderLogTable } from '../db/schema.ts';
import type { Insertable } from 'kysely';
import type { MailMessage } from '../mail/mailer.ts';
import { itemLabel } from '../plans/plan-tree.ts';
import { isCompleteStatus, rulesOf } from '../updates/domain/plan-rules.ts';
import { latestApprovedByItem } from '../updates/update-repository.ts';
import { reminderKind, reportingWindowStart } from './reminder-kinds.ts';
import { leadReminderMessage, ownerDigestMessage, type MissingUpdate } from './reminder-messages.ts';
import { sendRiskReviewReminders, type DueRiskReviewsSource } from './risk-review-reminders.ts';
import { chasedPeriods, claimReminder, findOwner, leadsWithoutUpdate, releaseReminder } from './reminder-repository.ts';

export interface SentReminder {
  kind: 'before' | 'due' | 'overdue' | 'digest' | 'risk_review';
  to: string;
  subject: string;
  planId: string;
  /** The reporting period (null for a risk review). */
  periodId: string | null;
  itemId: string | null;
}

type ReminderCore = Pick<CoreServices, 'db' | 'mail' | 'options'>;

/**
 * Reminders by e-mail. Order of work for each message, chosen so that a crash can never send a message twice without
 * a record: (1) claim it in reminder_log (its unique index makes a second claim, here or on another node, a no-op),
 * (2) hand it to SMTP, (3) on an SMTP error delete the claim so the next pass retries. A crash between (1) and (2)
 * loses that one reminder (the log says it was sent) — at most once, never twice.
 */
export function createReminderService(core: ReminderCore) {
  const { db, mail, options } = core;
  let riskReviews: DueRiskReviewsSource | null = null;

  async function deliver(claim: Insertable<ReminderLogTable>, message: MailMessage): Promise<boolean> {
    const claimed = await claimReminder(db, claim);
    if (!claimed) return false;
    try {
      await mail.send(message);
      return true;
    } catch (error) {
      await releaseReminder(db, claimed);
      options.log.warn({ err: error, to: message.to, subject: message.subject }, 'reminder not sent; it will be retried');
      return false;
    }
  }

  async function runOnce(now: Date = new Date()): Promise<SentReminder[]> {
    const sent: SentReminder[] = [];
    if (!mail.enabled) return sent;
    const today = format(now, 'yyyy-MM-dd');
    for (const period of await chasedPeriods(db, today)) {
      const kind = reminderKind(today, period.dueDate, period.reminderDays);
      if (!kind) continue;
      const since = parseISO(reportingWindowStart(period.periodStart, period.previousDue ?? null));
      const rules = rulesOf(period.planSettings);
      const complete = new Set(
        (await latestApprovedByItem(db, period.organisationId, period.planId, null)).filter((u) => isCompleteStatus(rules, u.status)).map((u) => u.item_id),
      );
      const leads = (await leadsWithoutUpdate(db, period.organisationId, period.planId, since)).filter((l) => !complete.has(l.itemId));
      const base = { organisation_id: period.organisationId, period_id: period.periodId };
      const missing = new Map<string, MissingUpdate>();
      for (const lead of leads) {
        const label = itemLabel(lead, 80);
        const link = `${options.baseUrl}/plans/${period.planId}/items/${lead.itemId}/update`;
        const entry = missing.get(lead.itemId);
        missing.set(lead.itemId, { itemLabel: label, link, leads: entry ? `${entry.leads}, ${lead.leadName}` : lead.leadName });
        if (!lead.email) continue;
        const message = { to: lead.email, ...leadReminderMessage({ kind, due: period.dueDate, planTitle: period.planTitle, periodLabel: period.label, itemLabel: label, leadName: lead.leadName, link }) };
        if (await deliver({ ...base, item_id: lead.itemId, kind, recipient: lead.email.toLowerCase() }, message)) {
          sent.push({ kind, to: message.to, subject: message.subject, planId: period.planId, periodId: period.periodId, itemId: lead.itemId });
        }
      }
      const owner = kind === 'overdue' && missing.size > 0 && period.ownerUserId ? await findOwner(db, period.organisationId, period.ownerUserId) : undefined;
      if (owner) {
        const digest = ownerDigestMessage({ ownerName: owner.name, planTitle: period.planTitle, periodLabel: period.label, due: period.dueDate, missing: [...missing.values()], planLink: `${options.baseUrl}/plans/${period.planId}` });
        if (await deliver({ ...base, item_id: null, kind: 'digest', recipient: owner.email.toLowerCase() }, { to: owner.email, ...digest })) {
          sent.push({ kind: 'digest', to: owner.email, subject: digest.subject, planId: period.planId, periodId: period.periodId, itemId: null });
        }
      }
    }
    if (riskReviews) {
      const reviews = await sendRiskReviewReminders(db, mail, options, await riskReviews(now));
      sent.push(...reviews.map((r) => ({ kind: 'risk_review' as const, to: r.to, subject: r.subject, planId: r.planId, periodId: null, itemId: null })));
    }
    return sent;
  }

  return {
    runOnce,
    /** Adds the risks whose review is overdue (the measures feature lists them) to each pass. */
    useRiskReviews(source: DueRiskReviewsSource | null) {
      riskReviews = source;
    },
  };
}
