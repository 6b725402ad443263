// Per-host politeness: one p-queue per host whose strict sliding window lets at most `rate` requests
// start in any second, a pause when the server sends Retry-After, and the User-Agent we announce.
import PQueue from 'p-queue';

export function userAgent(version: string, contact?: string): string {
  return `ogi/${version} (+${contact ?? 'https://github.com/ogi-project/ogi'})`;
}

/** `www.x.gov.cn` and `x.gov.cn` are one server as far as politeness goes. */
function serverOf(host: string): string {
  return host.replace(/^www\./, '');
}

export class HostLimiter {
  private readonly queues = new Map<string, PQueue>();
  /** Earliest moment the next request to a host may start (rate spacing and Retry-After). */
  private readonly nextAt = new Map<string, number>();

  constructor(
    /** Requests per second for a host (site `rate`); undefined = no limit (politeness off). */
    private readonly rateFor: (host: string) => number | undefined,
  ) {}

  private queue(host: string): PQueue {
    let q = this.queues.get(host);
    if (!q) {
      // One waiter at a time per host: each takes the next start slot, so starts are spaced by
      // 1/rate no matter how long requests take or how many are in flight.
      q = new PQueue({ concurrency: this.rateFor(host) === undefined ? Infinity : 1 });
      this.queues.set(host, q);
    }
    return q;
  }

  /** Longer spacing a host asked for itself (robots.txt Crawl-delay), ms. */
  private readonly minSpacing = new Map<string, number>();

  /** Honour a host's own Crawl-delay when it is slower than the configured rate. */
  setMinSpacing(host: string, ms: number): void {
    this.minSpacing.set(serverOf(host), ms);
  }

  /** Resolves when a request to `host` may start. Each call consumes one slot of the host's rate. */
  async acquire(hostname: string): Promise<void> {
    const host = serverOf(hostname);
    const rate = this.rateFor(host);
    if (rate === undefined) return;
    const spacing = Math.max(1000 / rate, this.minSpacing.get(host) ?? 0);
    await this.queue(host).add(async () => {
      // Timers may fire a little early against performance.now (libuv's cached clock): wait until
      // the slot has really come.
      for (let wait = (this.nextAt.get(host) ?? 0) - performance.now(); wait > 0; wait = (this.nextAt.get(host) ?? 0) - performance.now()) {
        await sleep(Math.ceil(wait));
      }
      this.nextAt.set(host, performance.now() + spacing);
    });
  }

  /** The server asked us to come back later (429/503 Retry-After): no request to the host before then. */
  pause(hostname: string, ms: number): void {
    const host = serverOf(hostname);
    const until = performance.now() + ms;
    if (until > (this.nextAt.get(host) ?? 0)) this.nextAt.set(host, until);
  }
}

/** A counting semaphore: the global cap on requests in flight over all hosts. */
export class Semaphore {
  private free: number;
  private readonly waiters: Array<() => void> = [];

  constructor(slots: number) {
    this.free = slots;
  }

  /** Waits for a slot; the returned function gives it back (calling it twice is harmless). */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiters.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.free++;
    };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Exponential backoff with full jitter: attempt 1 → up to base, attempt 2 → up to 2·base, … */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = baseMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
