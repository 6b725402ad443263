import { describe, expect, it } from 'vitest';
import { backoffMs, HostLimiter, Semaphore, userAgent } from './politeness.ts';

describe('HostLimiter', () => {
  it('spaces request starts per host by 1/rate, independently for each host', async () => {
    const limiter = new HostLimiter((host) => (host === 'a.gov.cn' ? 25 : 50));
    const starts: Record<string, number[]> = { 'a.gov.cn': [], 'b.gov.cn': [] };
    await Promise.all(
      ['a.gov.cn', 'b.gov.cn'].flatMap((host) =>
        Array.from({ length: 4 }, async () => {
          await limiter.acquire(host);
          starts[host].push(performance.now());
        }),
      ),
    );
    const gaps = (t: number[]) => t.slice(1).map((x, i) => x - t[i]);
    for (const g of gaps(starts['a.gov.cn'])) expect(g).toBeGreaterThanOrEqual(39.5); // 40 ms at 25/s, less the microtask hop before we read the clock
    for (const g of gaps(starts['b.gov.cn'])) expect(g).toBeGreaterThanOrEqual(19.5); // 20 ms at 50/s
  });

  it('counts www.x and x as one server', async () => {
    const limiter = new HostLimiter(() => 20);
    await limiter.acquire('www.a.gov.cn');
    const t = performance.now();
    await limiter.acquire('a.gov.cn');
    expect(performance.now() - t).toBeGreaterThanOrEqual(49.5);
  });

  it('holds a host back for as long as Retry-After asked', async () => {
    const limiter = new HostLimiter(() => 100);
    await limiter.acquire('a.gov.cn');
    const paused = performance.now();
    limiter.pause('a.gov.cn', 200);
    await limiter.acquire('a.gov.cn');
    expect(performance.now() - paused).toBeGreaterThanOrEqual(200);
  });

  it('slows down to a host’s own Crawl-delay when it asks for more than the configured rate', async () => {
    const limiter = new HostLimiter(() => 100);
    limiter.setMinSpacing('a.gov.cn', 60);
    await limiter.acquire('a.gov.cn');
    const t = performance.now();
    await limiter.acquire('a.gov.cn');
    expect(performance.now() - t).toBeGreaterThanOrEqual(59.5);
  });

  it('lets everything through when politeness is off', async () => {
    const limiter = new HostLimiter(() => undefined);
    await Promise.all(Array.from({ length: 100 }, () => limiter.acquire('a.gov.cn')));
  });
});

describe('backoff and User-Agent', () => {
  it('doubles the ceiling per attempt, jitter within its upper half', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 1000, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((n) => backoffMs(n, 1000, () => 1))).toEqual([1000, 2000, 4000]);
  });

  it('names ogi, its version and the contact URL', () => {
    expect(userAgent('0.1.0', 'https://example.org/contact')).toBe('ogi/0.1.0 (+https://example.org/contact)');
  });
});

describe('Semaphore', () => {
  it('lets at most N holders in, first come first served', async () => {
    const sem = new Semaphore(2);
    const order: string[] = [];
    const a = await sem.acquire();
    const b = await sem.acquire();
    const c = sem.acquire().then((release) => {
      order.push('c');
      return release;
    });
    const d = sem.acquire().then((release) => {
      order.push('d');
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    a(); // a second release of the same slot is ignored
    (await c)();
    expect(order).toEqual(['c']);
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
  });
});
