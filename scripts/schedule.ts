// The nightly job's clock: a croner job in a fixed time zone with overrun protection. The job
// itself (the pipeline under the database lock) is passed in, so this module only decides *when*.
import { Cron } from 'croner';

export interface ScheduleOptions {
  cron: string;
  /** IANA zone the expression is read in; the portals' (and researchers') day is Beijing time. */
  timezone?: string;
  onError?: (err: unknown) => void;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/**
 * Starts calling `job` on the schedule. `protect` skips a tick while the previous one is still
 * running; across processes the database lock does the same.
 */
export function schedule(opts: ScheduleOptions, job: () => Promise<void>): Cron {
  return new Cron(
    opts.cron,
    { timezone: opts.timezone ?? DEFAULT_TIMEZONE, protect: true, catch: opts.onError ?? true },
    job,
  );
}

/** The next `count` run times after `from`, without starting anything (for --dry-run and tests). */
export function nextRuns(opts: ScheduleOptions, count: number, from?: Date): Date[] {
  const c = new Cron(opts.cron, { timezone: opts.timezone ?? DEFAULT_TIMEZONE, paused: true });
  try {
    return c.nextRuns(count, from);
  } finally {
    c.stop();
  }
}
