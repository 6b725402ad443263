// Link discovery on a fetched page: which links are annual reports, which are attachments, which are
// more of the list (pagination, report columns), and which are out of our business. Titles are data
// here: the patterns below are the whole policy.
import * as cheerio from 'cheerio';
import { FALLBACK_ADAPTERS, FAMILY_ADAPTERS, type ListPage, type PageRequest } from './adapters/index.ts';
import type { FrontierKind } from './types.ts';
import { normalizeUrl, type Scope } from './url.ts';

/** The document family we collect: 政府信息公开工作年度报告, 政务公开工作年度报告, 信息公开年报 … */
const REPORT_TITLE = /(政府信息公开|政务信息公开|政务公开|信息公开)(工作)?(年度)?(工作)?(报告|年报)/;
/** Look-alikes that share words with the report but are other documents. */
const LOOK_ALIKE =
  /政府工作报告|预算|决算|公开指南|工作要点|要点落实|落实情况|统计公报|国民经济|审计|通知|编制|报送|培训|考核|评估|测评|申请表|目录|制度|实施方案|解读(?!.*年度报告)/;
const YEAR = /(19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}/;
/** A column (list) of reports rather than one report: 年报, 年度报告, 政府信息公开年报 without a year. */
const REPORT_COLUMN = /年报|年度报告/;
const ATTACHMENT_EXT = /\.(pdf|docx?|wps|xlsx?|et|rtf|zip|rar|ofd)$/i;
const SCRIPTED_ATTACHMENT = /["']((?:\.{1,2}\/|\/|https?:\/\/)[^"'\s<>]+\.(?:pdf|docx?|wps|xlsx?|et|rtf|zip|ofd))["']/gi;
const DOWNLOAD_ENDPOINT = /(downfile|download|getfile|filedown|attachment|fileDownload)[^/]*$/i;
/** Detail-page URLs of the common CMSs: an article, never a list. */
const ARTICLE_URL = [/\/t\d{8}_\d+\.s?html?$/i, /\/art\/\d{4}\//i, /\/art_\d+_\d+\.html?$/i, /\/content\/post_\d+/i, /\/content_\d+\.s?html?$/i, /\/\d{6,8}\/[0-9a-f]{16,}\.s?html?$/i];

export function isReportTitle(text: string): boolean {
  return REPORT_TITLE.test(text) && YEAR.test(text) && !LOOK_ALIKE.test(text);
}

/** A list's truncated title that may be a report ("…2023年政府信息公开工作…"): fetched, then confirmed
 * or rejected by the page's own title. */
const TRUNCATED = /(…|\.\.\.?|。。。)\s*$/;
export function isTruncatedReportTitle(text: string): boolean {
  return TRUNCATED.test(text) && /(政府信息公开|政务公开|信息公开)/.test(text) && YEAR.test(text) && !LOOK_ALIKE.test(text);
}

/** The titles a detail page gives itself: CMS meta tags, headings, <title> (portal suffix cut). A
 * portal's <h1> is often its logo, so callers look for the one that names a report. */
export function pageTitles(html: string): string[] {
  const $ = cheerio.load(html);
  const candidates = [
    $('meta[name="ArticleTitle"]').attr('content'),
    $('meta[name="articletitle"]').attr('content'),
    $('meta[property="og:title"]').attr('content'),
    ...$('h1, h2, h3, .title, .article-title, .bt')
      .toArray()
      .slice(0, 12)
      .map((el) => $(el).text()),
    $('title').text().split(/[_|｜]/)[0],
    $('title').text(),
  ];
  return candidates.map((c) => c?.replace(/\s+/g, ' ').trim() ?? '').filter((t) => t.length > 0);
}

/** The report title a page states for itself, if it states one. */
export function reportTitleOf(html: string): string | undefined {
  return pageTitles(html).find(isReportTitle);
}

export function isReportColumn(text: string): boolean {
  return REPORT_COLUMN.test(text) && !YEAR.test(text) && !LOOK_ALIKE.test(text) && text.length <= 30;
}

export function isAttachmentUrl(url: string, anchor = ''): boolean {
  const path = new URL(url).pathname;
  return ATTACHMENT_EXT.test(path) || ATTACHMENT_EXT.test(anchor.trim()) || DOWNLOAD_ENDPOINT.test(path);
}

function isArticleUrl(url: string): boolean {
  const path = new URL(url).pathname;
  return ARTICLE_URL.some((re) => re.test(path));
}

export interface PageToDiscover {
  url: string;
  kind: FrontierKind;
  depth: number;
  html: string;
  /** The anchor that led here (a report's title, for its attachments). */
  anchor?: string;
  /** The form body the page was POSTed with, if any. */
  requestBody?: string;
}

export interface FoundLink {
  url: string;
  kind: FrontierKind;
  depth: number;
  anchor?: string;
  method?: 'GET' | 'POST';
  body?: string;
}

export interface Discovery {
  links: FoundLink[];
  /** Pagination adapters that recognised the page. */
  families: string[];
  /** A list page with scripts and nothing for us in its HTML: its content is built by JavaScript. */
  jsShell: boolean;
}

interface Anchor {
  href: string;
  text: string;
  /** An <iframe>/<frame> source rather than a link. */
  frame?: boolean;
}

/** Inline scripts that fetch data and build the page: the list is not in the HTML. */
const SCRIPT_LOADS_DATA = /\bfetch\(|\$\.(ajax|get|post|getJSON)\(|XMLHttpRequest|axios\.|new Vue\(|createApp\(/;

function anchorsOf(html: string): { anchors: Anchor[]; hasScript: boolean; scriptLoadsData: boolean } {
  const $ = cheerio.load(html);
  const anchors: Anchor[] = [];
  $('a[href], area[href]').each((_, el) => {
    const a = $(el);
    const text = a.text().replace(/\s+/g, ' ').trim();
    const title = (a.attr('title') ?? '').trim();
    // Lists truncate long titles ("…2023年政府信息公开工作年…"); the title attribute keeps them whole.
    anchors.push({ href: a.attr('href') ?? '', text: title.length > text.length ? title : text });
  });
  $('iframe[src], frame[src]').each((_, el) => {
    anchors.push({ href: $(el).attr('src') ?? '', text: '', frame: true });
  });
  const hasScript = $('script').length > 0;
  const scriptLoadsData = $('script:not([src])')
    .toArray()
    .some((el) => SCRIPT_LOADS_DATA.test($(el).text()));
  return { anchors, hasScript, scriptLoadsData };
}

export function discover(page: PageToDiscover, scope: Scope): Discovery {
  const { anchors, hasScript, scriptLoadsData } = anchorsOf(page.html);
  const listPage: ListPage = { url: page.url, html: page.html, requestBody: page.requestBody };
  const links: FoundLink[] = [];
  const families: string[] = [];
  const seen = new Set<string>();
  const push = (l: FoundLink) => {
    if (seen.has(l.url) || l.url === page.url) return;
    seen.add(l.url);
    links.push(l);
  };

  const itemAnchors: Anchor[] = [];
  let pagination: PageRequest[] = [];
  let authoritative = false;
  let ownedByAdapter = false;
  if (page.kind === 'list') {
    for (const adapter of FAMILY_ADAPTERS) {
      if (!adapter.detect(listPage)) continue;
      authoritative ||= adapter.authoritative === true;
      ownedByAdapter ||= adapter.ownsLinks?.(listPage) === true;
      const pages = adapter.pages(listPage);
      const items = adapter.items?.(listPage) ?? [];
      if (pages.length > 0 || items.length > 0) families.push(adapter.name);
      pagination = pagination.concat(pages);
      for (const fragment of items) itemAnchors.push(...anchorsOf(fragment).anchors);
    }
    if (pagination.length === 0 && !authoritative) {
      for (const adapter of FALLBACK_ADAPTERS) {
        if (!adapter.detect(listPage)) continue;
        families.push(adapter.name);
        pagination = pagination.concat(adapter.pages(listPage));
      }
    }
  }

  // TRS detail pages often write their attachment links from script (document.write of a string):
  // on a report page, any quoted path to an office file is taken as its attachment.
  if (page.kind === 'report') {
    for (const m of page.html.matchAll(SCRIPTED_ATTACHMENT)) itemAnchors.push({ href: m[1], text: '' });
  }
  let framedList = false;
  for (const a of ownedByAdapter ? itemAnchors : [...itemAnchors, ...anchors]) {
    const url = normalizeUrl(a.href, page.url);
    if (!url) continue;
    if (a.frame && expectsReports(page) && scope.sameHost(url)) {
      // Some county columns are a shell around a same-site iframe holding the list: the frame is
      // the column itself (same depth, same column title), wherever its path is.
      framedList = true;
      push({ url, kind: 'list', depth: page.depth, anchor: page.anchor ?? '年报' });
      continue;
    }
    const link = classifyLink(url, a.text, page, scope);
    if (link) push(link);
  }
  // Pagination stays at the list's depth: page 40 of a column is no further from the reports than page 1.
  for (const p of pagination) {
    const url = normalizeUrl(p.url);
    if (url && scope.sameHost(url)) push({ url, kind: 'list', depth: page.depth, method: p.method, body: p.body });
  }

  // A shell still carries the portal's menus, so "nothing for us" means: no report, no pagination and
  // hardly any in-scope list links.
  const documents = links.filter((l) => l.kind !== 'list').length;
  const lists = links.filter((l) => l.kind === 'list').length;
  // Only pages we expect to be report lists (start URLs, report columns) are suspected: an empty
  // calendar or topic page with the portal's usual scripts is just a page without reports.
  // …unless an inline script visibly loads data, which settles it whatever the menus hold.
  const jsShell =
    page.kind === 'list' && expectsReports(page) && hasScript && documents === 0 && families.length === 0 && !framedList && (lists < 5 || scriptLoadsData);
  return { links, families, jsShell };
}

/** Start pages and report columns are where reports are listed. */
function expectsReports(page: PageToDiscover): boolean {
  return page.kind === 'list' && (page.depth === 0 || isReportColumn(page.anchor ?? ''));
}

function classifyLink(url: string, text: string, page: PageToDiscover, scope: Scope): FoundLink | undefined {
  const depth = page.depth + 1;
  if (page.kind === 'attachment') return undefined;
  if (isAttachmentUrl(url, text)) {
    if (!scope.allowsDocument(url)) return undefined;
    // On a report's page every attachment belongs to it; on a list only report-titled ones do.
    if (page.kind === 'report') {
      return { url, kind: 'attachment', depth, anchor: isReportTitle(text) ? text : page.anchor ?? text };
    }
    return isReportTitle(text) ? { url, kind: 'attachment', depth, anchor: text } : undefined;
  }
  if (isReportTitle(text) || (page.kind === 'list' && isTruncatedReportTitle(text))) {
    return scope.allowsDocument(url) ? { url, kind: 'report', depth, anchor: text } : undefined;
  }
  if (page.kind !== 'list') return undefined;
  if (LOOK_ALIKE.test(text)) return undefined;
  if (isArticleUrl(url)) {
    // In a column of reports, an article titled only by its agency ("区民政局") is probably one of
    // them: fetched as a candidate and kept only if its own title says so (see crawl.ts).
    return expectsReports(page) && scope.allowsDocument(url) ? { url, kind: 'report', depth, anchor: text } : undefined;
  }
  if (isReportColumn(text) && scope.sameHost(url)) return { url, kind: 'list', depth, anchor: text };
  if (scope.allowsList(url)) return { url, kind: 'list', depth, anchor: text || undefined };
  return undefined;
}
