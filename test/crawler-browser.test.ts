// The browser path, in real Chromium (Debian's /usr/bin/chromium via playwright-core): a list that
// only JavaScript builds, and a host behind a 瑞数-style 412 challenge whose script sets a cookie
// and reloads. `render: auto` must escalate to the browser for both; `render: never` must not.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/open.ts';
import { crawl, type CrawlSummary } from '../crawler/index.ts';
import { COLUMNS, columnOf, expectedReportPaths } from './portal/data.ts';
import { startPortal, type Portal } from './portal/server.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`crawler-browser: skipped — ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

const OPTS = { timeoutMs: 5000, retryBaseMs: 100, browserTimeoutMs: 20_000 };
const challengeColumn = COLUMNS.find((c) => c.challenge === 'ruishu')!;
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

describe.skipIf(!hasChromium)('render: auto in real Chromium', () => {
  let portal: Portal;
  let db: DB;
  let summary: CrawlSummary;

  beforeAll(async () => {
    portal = await startPortal();
    db = openDatabase(':memory:');
    summary = await crawl(
      db,
      [
        { id: 'suao', start_urls: [`${portal.origin}${columnOf('jslist').base}`], render: 'auto', rate: 20 },
        { id: 'liushui', start_urls: [`${portal.origin}${challengeColumn.base}`], render: 'auto', rate: 20 },
      ],
      OPTS,
    );
  }, 120_000);

  afterAll(async () => {
    db?.close();
    await portal?.close();
  });

  it('renders a JavaScript-built list and finds its reports, not the look-alike', () => {
    const docs = (db.prepare(`SELECT url FROM report_documents WHERE site_id = 'suao'`).pluck().all() as string[]).map(pathOf);
    expect(docs.sort()).toEqual(expectedReportPaths(columnOf('jslist')).sort());
    const list = db.prepare(`SELECT via, class FROM fetches WHERE site_id = 'suao' AND url = ? ORDER BY id`).all(`${portal.origin}${columnOf('jslist').base}`);
    // Plain HTTP first (an empty shell), then the browser.
    expect(list).toEqual([{ via: 'http', class: 'ok' }, { via: 'browser', class: 'ok' }]);
  });

  it('keeps the browser’s own requests within the host’s rate, and skips images and stylesheets', () => {
    const times = portal.log.map((e) => e.t).sort((a, b) => a - b);
    for (let i = 0; i + 9 < times.length; i++) expect(times[i + 9] - times[i]).toBeGreaterThanOrEqual(8 * 50);
    expect(portal.log.filter((e) => e.url.startsWith(`${columnOf('jslist').base}data.json`)).map((e) => e.url)).toEqual([
      `${columnOf('jslist').base}data.json?page=1`,
      `${columnOf('jslist').base}data.json?page=2`, // after a click on the script-built 下一页
    ]);
    expect(portal.log.filter((e) => /\.(css|png|jpg|gif)$/.test(e.url))).toEqual([]);
  });

  it('passes a 412 $_ts challenge in the browser and fetches the attachment with its cookies', () => {
    const rows = db.prepare(`SELECT url, content_type FROM report_documents WHERE site_id = 'liushui'`).all() as Array<{ url: string; content_type: string }>;
    expect(rows.map((r) => pathOf(r.url)).sort()).toEqual(expectedReportPaths(challengeColumn).sort());
    expect(rows.find((r) => r.url.endsWith('.pdf'))?.content_type).toBe('application/pdf');
    const first = db.prepare(`SELECT class, status FROM fetches WHERE site_id = 'liushui' ORDER BY id LIMIT 1`).get();
    expect(first).toEqual({ class: 'challenge_ruishu', status: 412 });
    expect(summary.failuresByClass.blocked_challenge).toBeUndefined();
  });
});

describe.skipIf(!hasChromium)('render: always', () => {
  it('fetches every page of the site through the browser and still pages a TRS list', async () => {
    const portal = await startPortal();
    const db = openDatabase(':memory:');
    try {
      await crawl(db, [{ id: 'jinjing', start_urls: [`${portal.origin}${columnOf('trs1').base}index.html`], render: 'always', rate: 20 }], OPTS);
      const docs = (db.prepare(`SELECT url FROM report_documents`).pluck().all() as string[]).map(pathOf);
      expect(docs.sort()).toEqual(expectedReportPaths(columnOf('trs1')).sort());
      expect(db.prepare(`SELECT DISTINCT via FROM fetches`).pluck().all()).toEqual(['browser']);
    } finally {
      db.close();
      await portal.close();
    }
  }, 120_000);
});

describe('render: never', () => {
  it('does not launch a browser: a JavaScript-built list is recorded as js_shell, a challenge as its class', async () => {
    const portal = await startPortal();
    const db = openDatabase(':memory:');
    try {
      const summary = await crawl(
        db,
        [
          { id: 'suao', start_urls: [`${portal.origin}${columnOf('jslist').base}`], render: 'never', rate: 50 },
          { id: 'liushui', start_urls: [`${portal.origin}${challengeColumn.base}`], render: 'never', rate: 50 },
        ],
        OPTS,
      );
      expect(summary.failuresByClass).toMatchObject({ js_shell: 1, challenge_ruishu: 1 });
      expect(summary.reportsFound).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM fetches WHERE via = 'browser'`).pluck().get()).toBe(0);
      // The challenge is not retried: it is a channel problem, not a transient one.
      expect(portal.log.filter((e) => e.status === 412)).toHaveLength(1);
    } finally {
      db.close();
      await portal.close();
    }
  });
});
