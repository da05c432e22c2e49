import type { IssueJob } from '../packs/issue-jobs.ts';
import { reportFormats } from '../report-files.ts';

/** What the progress page says about a pack being issued. */
export function issueProgressView(job: IssueJob) {
  const written = reportFormats.filter((entry) => job.written.includes(entry.format)).map((entry) => entry.label);
  return { state: job.state, done: job.written.length, total: job.total, written, planId: job.planId };
}
