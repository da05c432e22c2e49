import type { ReportFormat } from '../../db/schema.ts';

export interface IssueJob {
  packId: string;
  organisationId: string;
  planId: string;
  total: number;
  written: ReportFormat[];
  state: 'running' | 'done' | 'failed';
  startedAt: number;
}

const keepFor = 60 * 60 * 1000;

/**
 * Packs being written in this process, so the page after "Issue" can show how far it has got. The job's id is the
 * pack's id: once the job is done (or on another node) the stored pack itself answers.
 */
export function createIssueJobs(log: { error: (object: object, message: string) => void }) {
  const jobs = new Map<string, IssueJob>();

  function prune(now: number) {
    for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > keepFor) jobs.delete(id);
  }

  return {
    start(job: Omit<IssueJob, 'written' | 'state' | 'startedAt'>, run: (onProgress: (written: ReportFormat[]) => void) => Promise<unknown>): IssueJob {
      prune(Date.now());
      const entry: IssueJob = { ...job, written: [], state: 'running', startedAt: Date.now() };
      jobs.set(job.packId, entry);
      run((written) => { entry.written = written; }).then(
        () => { entry.state = 'done'; },
        (error: unknown) => {
          entry.state = 'failed';
          log.error({ err: error, packId: job.packId }, 'issuing a report pack failed');
        },
      );
      return entry;
    },

    find(organisationId: string, packId: string): IssueJob | undefined {
      const job = jobs.get(packId);
      return job?.organisationId === organisationId ? job : undefined;
    },

    /** Settles when every job now running has finished (tests, shutdown). */
    async idle(): Promise<void> {
      while ([...jobs.values()].some((job) => job.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

export type IssueJobs = ReturnType<typeof createIssueJobs>;
