// Hanweb jcms "jpage" (大汉) column pages: the first records are embedded in
// <script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?…">]]>
// </nextgroup><recordset><record><![CDATA[<li>…</li>]]></record>…; the rest comes from POSTing the same
// parameters to dataproxy.jsp with startrecord/endrecord/perpage, which answers the same XML.
// Parameters are read from the page's own nextgroup link, never hard-coded (deployments differ).
import type { Adapter, ListPage, PageRequest } from './types.ts';

const RECORD = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g;
const NEXTGROUP = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href\s*=\s*["']([^"']+)["'][\s\S]*?\]\]>\s*<\/nextgroup>/;
const PAGING_KEYS = new Set(['page', 'startrecord', 'endrecord', 'perpage']);
/** One jpage request returns three display pages. */
const GROUP_PAGES = 3;
const MAX_RECORDS = 20_000;

export function numberAfter(html: string, names: string[]): number | undefined {
  for (const name of names) {
    const m = html.match(new RegExp(`${name}\\s*[:=]\\s*["']?(\\d+)`, 'i')) ?? html.match(new RegExp(`<${name}>(\\d+)</${name}>`, 'i'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The dataproxy link of a column's embedded nextgroup, entities decoded. */
export function nextgroupHref(html: string): string | undefined {
  return html.match(NEXTGROUP)?.[1]?.replace(/&amp;/g, '&');
}

/** Older deployments' proxy (`/module/jpage/dataproxy.jsp`, no `/web/`) pages by `page=N` only: see hanweb-page.ts. */
export function isPageOnlyJpage(page: ListPage): boolean {
  const href = nextgroupHref(page.html);
  try {
    const path = href ? new URL(href, page.url).pathname : new URL(page.url).pathname;
    return /\/module\/jpage\/dataproxy\.jsp$/i.test(path);
  } catch {
    return false; // an unusable nextgroup link: the startrecord adapter ignores it the same way
  }
}

export function hanwebRecords(html: string): string[] {
  return [...html.matchAll(RECORD)].map((m) => m[1]);
}

export const hanweb: Adapter = {
  name: 'hanweb-jpage',
  authoritative: true,
  detect: (page) => /<datastore>/i.test(page.html) && /<recordset>|<nextgroup>/i.test(page.html) && !isPageOnlyJpage(page),
  items: (page) => hanwebRecords(page.html),
  pages(page: ListPage): PageRequest[] {
    const href = nextgroupHref(page.html);
    const here = new URL(page.url);
    const isProxy = /dataproxy\.jsp$/i.test(here.pathname);
    // A dataproxy answer may omit nextgroup; the request that produced it carries the same parameters.
    const proxy = href ? new URL(href, page.url) : isProxy ? here : undefined;
    if (!proxy) return [];
    const perpage = numberAfter(page.html, ['perpage']) ?? (Number(here.searchParams.get('perpage')) || 20);
    // jpage's `groupSize` (display pages per request) is usually 3; read it when the page says.
    const group = perpage * (numberAfter(page.html, ['groupSize']) ?? GROUP_PAGES);
    const total = numberAfter(page.html, ['totalRecord', 'totalrecord']);
    const records = hanwebRecords(page.html).length;
    const start = isProxy ? Number(here.searchParams.get('startrecord') ?? 1) : 1;
    // Where the next group starts: right after the records this page holds (a column page may embed
    // one display page or three; a proxy answer holds one group).
    const next = start + records;
    const form = new URLSearchParams();
    form.set('col', '1');
    form.set('appid', '1');
    for (const [k, v] of proxy.searchParams) if (!PAGING_KEYS.has(k)) form.set(k, v);
    // A dataproxy answer was asked for with the column's form; the next group needs the same one.
    if (isProxy && page.requestBody) for (const [k, v] of new URLSearchParams(page.requestBody)) form.set(k, v);
    if (!form.has('sourceContentType')) form.set('sourceContentType', '1');
    const body = form.toString();
    const request = (from: number): PageRequest => {
      const u = new URL(proxy.pathname, page.url);
      u.search = `startrecord=${from}&endrecord=${from + group - 1}&perpage=${perpage}`;
      return { url: u.href, method: 'POST', body };
    };
    if (records === 0) return [];
    const out: PageRequest[] = [];
    if (total !== undefined) {
      for (let from = next; from <= Math.min(total, MAX_RECORDS); from += group) out.push(request(from));
    } else if (records >= (isProxy ? group : 1)) {
      // Total unknown: ask for one more group; its answer decides whether to go on.
      out.push(request(next));
    }
    return out;
  },
};
