// The headless browser, used only when plain HTTP cannot see a page: lists built by JavaScript and
// anti-bot challenges (412 $_ts / 521 document.cookie). One shared Debian Chromium per crawl, launched
// on first need, with a fresh profile directory; binaries go through the context's request API so
// challenge cookies apply.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.OGI_CHROMIUM ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface Rendered {
  /** Status of the first response (a challenge answers 412/521 before its script reloads the page). */
  status?: number;
  /** Positive evidence the page rendered: enough text or links (a failed challenge leaves a blank page). */
  ok: boolean;
  finalUrl: string;
  html: string;
  ms: number;
}

export interface BinaryFetched {
  status: number;
  finalUrl: string;
  headers: Record<string, string>;
  body: Buffer;
  ms: number;
}

const NEXT_PAGE_TEXT = /^\s*(下一页|下页|后一页|next|>|›|»)\s*$/i;
const SKIPPED_RESOURCES = new Set(['image', 'font', 'media', 'stylesheet']);

/** Evidence that a page rendered for real (not a blank failed challenge): enough body text or links. */
const MIN_TEXT = 200;

export class BrowserSession {
  private context?: BrowserContext;
  private profile?: string;
  private starting?: Promise<BrowserContext>;

  constructor(
    private readonly userAgent: string,
    private readonly timeoutMs: number,
    /** Politeness for the browser's own requests: resolves when the URL may be requested, false if robots forbid it. */
    private readonly gate: (url: string) => Promise<boolean> = async () => true,
  ) {}

  private async ctx(): Promise<BrowserContext> {
    if (this.context) return this.context;
    this.starting ??= (async () => {
      const { chromium } = await import('playwright-core');
      this.profile = mkdtempSync(join(tmpdir(), 'ogi-chromium-'));
      // The fresh --user-data-dir is passed the way Playwright requires: as the persistent context's directory.
      this.context = await chromium.launchPersistentContext(this.profile, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        userAgent: this.userAgent,
        locale: 'zh-CN',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      return this.context;
    })();
    return this.starting;
  }

  /** Loads a page, lets its scripts run (challenges reload themselves), returns the rendered DOM. */
  async render(url: string, opts: { clickPages?: number } = {}): Promise<Rendered> {
    const started = performance.now();
    const context = await this.ctx();
    const page = await context.newPage();
    // The page's own requests obey the same per-host rate and robots.txt as ours; images, fonts,
    // media and stylesheets are never needed to find links, so they are not requested at all.
    await page.route('**/*', async (route) => {
      const req = route.request();
      if (SKIPPED_RESOURCES.has(req.resourceType())) return route.abort();
      if (!/^https?:/.test(req.url())) return route.continue();
      return (await this.gate(req.url())) ? route.continue() : route.abort('blockedbyclient');
    });
    let lastStatus: number | undefined;
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) lastStatus = r.status();
    });
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: this.timeoutMs });
      const deadline = Date.now() + this.timeoutMs;
      let ok = false;
      // Wait for positive evidence of content: network quiet and a body with text or links.
      for (;;) {
        await page.waitForLoadState('networkidle', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
        ok = await page
          .evaluate((min) => (document.body?.innerText ?? '').replace(/\s+/g, '').length >= min || document.querySelectorAll('a[href]').length >= 3, MIN_TEXT)
          .catch(() => false);
        if (ok || Date.now() >= deadline) break;
        await page.waitForTimeout(250);
      }
      let html = await page.content();
      const last = await page.evaluate(() => location.href).catch(() => page.url());
      if (ok && opts.clickPages) html += await this.clickThrough(page, opts.clickPages, deadline);
      return { status: lastStatus ?? response?.status(), ok, finalUrl: last, html, ms: Math.round(performance.now() - started) };
    } finally {
      await page.close().catch(() => {});
    }
  }

  /** Script-driven lists page by clicking a "下一页" control that has no href. Each page's DOM is
   * kept (as hidden sections appended to the first page's HTML) until the control is gone, stops
   * changing the list, or `max` pages have been seen. */
  private async clickThrough(page: Page, max: number, deadline: number): Promise<string> {
    const snapshots: string[] = [];
    let previous = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    for (let n = 1; n < max && Date.now() < deadline; n++) {
      const next = page
        .locator('a, button, span, li, input[type=button]')
        .filter({ hasText: NEXT_PAGE_TEXT })
        .filter({ hasNot: page.locator('[href]:not([href^="javascript"]):not([href="#"]):not([href=""])') });
      const control = next.last();
      if ((await next.count().catch(() => 0)) === 0 || !(await control.isVisible().catch(() => false))) break;
      const href = await control.getAttribute('href').catch(() => null);
      if (href && !/^(javascript:|#|$)/i.test(href.trim())) break; // a real link: discovery follows it
      await control.click({ timeout: 5_000 }).catch(() => {});
      // Load states fire once per navigation, so wait for the list itself to change instead.
      let text = previous;
      const until = Math.min(deadline, Date.now() + 10_000);
      while (text === previous && Date.now() < until) {
        await page.waitForTimeout(100);
        text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => previous);
      }
      if (text === previous) break;
      await page.waitForTimeout(200); // let the rest of the new page settle
      previous = text;
      snapshots.push(await page.evaluate(() => document.body?.innerHTML ?? ''));
    }
    return snapshots.map((s, i) => `<section data-ogi-page="${i + 2}" hidden>${s}</section>`).join('');
  }

  /** Downloads bytes (PDF, DOCX…) with the browser's cookies. */
  async fetchBinary(url: string): Promise<BinaryFetched> {
    const started = performance.now();
    const context = await this.ctx();
    const res = await context.request.get(url, { timeout: this.timeoutMs, maxRedirects: 5 });
    return {
      status: res.status(),
      finalUrl: res.url(),
      headers: res.headers(),
      body: await res.body(),
      ms: Math.round(performance.now() - started),
    };
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => {});
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }
}
