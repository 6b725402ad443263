import { describe, expect, it } from 'vitest';
import { robotsPolicy, robotsUrlFor } from './robots.ts';

const ROBOTS = `User-agent: *
Disallow: /zwgk/internal/
Allow: /zwgk/internal/nb/
Crawl-delay: 2

User-agent: ogi
Disallow: /search/
`;

describe('robots.txt with RFC 9309 semantics', () => {
  it('2xx: the group for our token applies (ogi), with its own rules only', () => {
    const p = robotsPolicy('http://x.gov.cn/robots.txt', { status: 200, body: Buffer.from(ROBOTS) });
    expect(p.outcome).toBe('parsed');
    expect(p.isAllowed('http://x.gov.cn/search/?q=年报')).toBe(false);
    // the * group does not apply once a group names us
    expect(p.isAllowed('http://x.gov.cn/zwgk/internal/a.html')).toBe(true);
  });

  it('2xx without a group for us: the * group, longest match wins', () => {
    const p = robotsPolicy('http://x.gov.cn/robots.txt', { status: 200, body: Buffer.from(ROBOTS.split('\n\n')[0]) });
    expect(p.isAllowed('http://x.gov.cn/zwgk/internal/a.html')).toBe(false);
    expect(p.isAllowed('http://x.gov.cn/zwgk/internal/nb/2023.html')).toBe(true);
    expect(p.crawlDelaySeconds).toBe(2);
  });

  it('4xx ("unavailable"): everything may be crawled', () => {
    for (const status of [401, 403, 404, 410]) expect(robotsPolicy('http://x/robots.txt', { status }).isAllowed('http://x/any')).toBe(true);
  });

  it('5xx or no answer ("unreachable"): nothing may be crawled', () => {
    expect(robotsPolicy('http://x/robots.txt', { status: 503 }).isAllowed('http://x/any')).toBe(false);
    const dead = robotsPolicy('http://x/robots.txt', { failure: 'connect_refused' });
    expect(dead.outcome).toBe('disallow_all');
    expect(dead.reason).toBe('robots.txt unreachable (connect_refused): whole host treated as disallowed (RFC 9309)');
  });

  it('lives at the root of the URL’s own host and port', () => {
    expect(robotsUrlFor('https://www.x.gov.cn:8443/zwgk/nb/index.html?x=1')).toBe('https://www.x.gov.cn:8443/robots.txt');
  });
});
