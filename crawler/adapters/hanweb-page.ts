// Older Hanweb jpage deployments: the column's nextgroup points at `/module/jpage/dataproxy.jsp`
// (no `/web/`) and the endpoint honours only `page=N&perpage=P` — a startrecord request gets page 1
// back. Each deployment also caps `perpage` (notes §1.2: above its ceiling the answer is cut short),
// so we never ask for more than the column itself displays, and a page that comes back shorter
// than it should reveals the ceiling: the list is then paged again at the size the server gives.
import { hanwebRecords, isPageOnlyJpage, nextgroupHref, numberAfter } from './hanweb.ts';
import type { Adapter, ListPage, PageRequest } from './types.ts';

const PAGING_KEYS = new Set(['page', 'startrecord', 'endrecord', 'perpage']);
/** Above this no deployment we know answers in full; the column's own page size is used below it. */
const MAX_PERPAGE = 300;
const DEFAULT_PERPAGE = 15;
const MAX_PAGES = 2000;

export const hanwebPaged: Adapter = {
  name: 'hanweb-jpage-page',
  authoritative: true,
  detect: (page) => /<datastore>/i.test(page.html) && /<recordset>|<nextgroup>/i.test(page.html) && isPageOnlyJpage(page),
  items: (page) => hanwebRecords(page.html),
  pages(page: ListPage): PageRequest[] {
    const here = new URL(page.url);
    const isProxy = /dataproxy\.jsp$/i.test(here.pathname);
    const href = nextgroupHref(page.html);
    const proxy = href ? new URL(href, page.url) : isProxy ? here : undefined;
    if (!proxy) return [];
    const records = hanwebRecords(page.html).length;
    if (records === 0) return [];
    const total = numberAfter(page.html, ['totalRecord', 'totalrecord']);
    const asked = isProxy ? Number(here.searchParams.get('perpage')) : NaN;
    const perpage = Math.min(asked || numberAfter(page.html, ['perPage', 'perpage']) || DEFAULT_PERPAGE, MAX_PERPAGE);

    const form = new URLSearchParams();
    for (const [k, v] of proxy.searchParams) if (!PAGING_KEYS.has(k)) form.set(k, v);
    if (isProxy && page.requestBody) for (const [k, v] of new URLSearchParams(page.requestBody)) if (!PAGING_KEYS.has(k)) form.set(k, v);
    const body = form.toString();
    // page/perpage travel in the query (they are what makes two answers different frontier entries);
    // the column's own parameters are the form, as the jpage script posts them. The same window goes
    // as startrecord/endrecord too: page-only servers ignore them, and a deployment we took for
    // page-only by mistake still answers the right records.
    const request = (n: number, size: number): PageRequest => {
      const u = new URL(proxy.pathname, page.url);
      u.search = `page=${n}&perpage=${size}&startrecord=${(n - 1) * size + 1}&endrecord=${n * size}`;
      return { url: u.href, method: 'POST', body };
    };
    const range = (from: number, to: number, size: number) => {
      const out: PageRequest[] = [];
      for (let n = from; n <= Math.min(to, MAX_PAGES); n++) out.push(request(n, size));
      return out;
    };

    if (!isProxy) {
      // The column embeds its first display page(s); the rest is asked for at the size it displays.
      const held = Math.floor(records / perpage);
      if (total !== undefined) return range(held + 1, Math.ceil(total / perpage), perpage);
      return records >= perpage ? [request(held + 1, perpage)] : [];
    }
    const n = Number(here.searchParams.get('page')) || 1;
    if (total === undefined) return records >= perpage ? [request(n + 1, perpage)] : [];
    const expected = Math.min(perpage, total - (n - 1) * perpage);
    if (records < expected) {
      // Cut short before the list's end: `records` is this deployment's ceiling. Page again at it.
      return range(1, Math.ceil(total / records), records);
    }
    return range(n + 1, Math.ceil(total / perpage), perpage);
  },
};
