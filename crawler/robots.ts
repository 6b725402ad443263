// robots.txt with RFC 9309 semantics, fetched once per host per run: 2xx → obey the rules;
// 4xx → "unavailable", crawl everything; 5xx or no answer → "unreachable", crawl nothing.
import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`); its typings describe an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

export type RobotsOutcome = 'parsed' | 'allow_all' | 'disallow_all';

export interface RobotsFetch {
  status?: number;
  body?: Buffer;
  /** Failure class when there was no answer (dns, timeout, …). */
  failure?: string;
}

export interface RobotsPolicy {
  outcome: RobotsOutcome;
  /** Why, in words, for the ledger: "robots.txt answered 503: host treated as disallowed (RFC 9309)". */
  reason: string;
  isAllowed(url: string): boolean;
  crawlDelaySeconds?: number;
}

/** Decides the policy for one host from how its robots.txt fetch went. */
export function robotsPolicy(robotsUrl: string, fetched: RobotsFetch, agentToken = 'ogi'): RobotsPolicy {
  const status = fetched.status;
  if (status !== undefined && status >= 200 && status < 300) {
    const text = fetched.body ? new TextDecoder('utf-8').decode(fetched.body) : '';
    const robots = robotsParser(robotsUrl, text);
    return {
      outcome: 'parsed',
      reason: 'robots.txt rules',
      // robots-parser answers undefined for another host's URL; those are governed by their own robots.txt.
      isAllowed: (url) => robots.isAllowed(url, agentToken) !== false,
      crawlDelaySeconds: robots.getCrawlDelay(agentToken),
    };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { outcome: 'allow_all', reason: `robots.txt answered ${status}: no rules`, isAllowed: () => true };
  }
  const why = status === undefined ? `robots.txt unreachable${fetched.failure ? ` (${fetched.failure})` : ''}` : `robots.txt answered ${status}`;
  return { outcome: 'disallow_all', reason: `${why}: whole host treated as disallowed (RFC 9309)`, isAllowed: () => false };
}

export function robotsUrlFor(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/robots.txt`;
}
