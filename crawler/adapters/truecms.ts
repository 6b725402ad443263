// TrueCMS column pages: the list is loaded by script from `messageController/getMessage.do` with
// `columnId` and a startrecord/endrecord/perpage window, answered as JSONP around the list markup
// (`cb({"result":"<datastore>…<record>…"})`). The endpoint 404s without a Referer (the crawl sends
// the page that led to each request) and each deployment caps `perpage` (50 works on one, fails on
// another), so the window is the column's own page size, never more than a small ceiling.
import { hanwebRecords, numberAfter } from './hanweb.ts';
import type { Adapter, ListPage, PageRequest } from './types.ts';

const ENDPOINT = /getMessage\.do$/;
const DEFAULT_PROXY = '/messageController/getMessage.do';
const DEFAULT_PERPAGE = 15;
const MAX_PERPAGE = 20;
const MAX_RECORDS = 20_000;

const isAnswer = (page: ListPage) => ENDPOINT.test(new URL(page.url).pathname);

/** The list markup inside the JSONP answer, and the total it states. */
export function trueCmsAnswer(text: string): { markup: string; total?: number } | undefined {
  const m = text.match(/^[\s\uFEFF]*[\w$.]*\s*\(([\s\S]*)\)\s*;?\s*$/);
  let json: unknown;
  try {
    json = JSON.parse(m ? m[1] : text);
  } catch {
    return undefined;
  }
  const o = (json ?? {}) as Record<string, unknown>;
  const markup = typeof o.result === 'string' ? o.result : typeof o.data === 'string' ? o.data : undefined;
  if (markup === undefined) return undefined;
  const total = Number(o.totalRecord ?? o.total ?? numberAfter(markup, ['totalrecord', 'totalRecord']));
  return { markup, total: Number.isFinite(total) && total > 0 ? total : undefined };
}

export const trueCms: Adapter = {
  name: 'truecms',
  authoritative: true,
  detect: (page) => isAnswer(page) || /messageController\/getMessage\.do/.test(page.html),
  ownsLinks: isAnswer,
  items(page: ListPage): string[] {
    if (!isAnswer(page)) return [];
    const markup = trueCmsAnswer(page.html)?.markup ?? '';
    const records = hanwebRecords(markup);
    return records.length > 0 ? records : markup ? [markup] : [];
  },
  pages(page: ListPage): PageRequest[] {
    const here = new URL(page.url);
    const request = (proxy: string, column: string, from: number, size: number): PageRequest => {
      const u = new URL(proxy, page.url);
      u.search = `columnId=${encodeURIComponent(column)}&startrecord=${from}&endrecord=${from + size - 1}&perpage=${size}&callback=ogiList`;
      return { url: u.href };
    };
    if (isAnswer(page)) {
      const column = here.searchParams.get('columnId');
      const size = Number(here.searchParams.get('perpage')) || DEFAULT_PERPAGE;
      const from = Number(here.searchParams.get('startrecord')) || 1;
      const answer = trueCmsAnswer(page.html);
      if (!column || !answer) return [];
      const records = hanwebRecords(answer.markup).length || (answer.markup.match(/<a\s/gi) ?? []).length;
      if (records === 0) return [];
      const out: PageRequest[] = [];
      if (answer.total !== undefined) {
        // The first answer schedules the rest; later ones would only repeat it.
        if (from === 1) for (let s = 1 + size; s <= Math.min(answer.total, MAX_RECORDS); s += size) out.push(request(here.pathname, column, s, size));
      } else if (records >= size) {
        out.push(request(here.pathname, column, from + size, size));
      }
      return out;
    }
    const column = page.html.match(/columnId\s*[:=]\s*["']?([\w-]+)/)?.[1];
    if (!column) return [];
    const proxy = page.html.match(/proxyUrl\s*[:=]\s*["']([^"']*getMessage\.do)/)?.[1] ?? DEFAULT_PROXY;
    const size = Math.min(numberAfter(page.html, ['perpage', 'perPage', 'pageSize']) ?? DEFAULT_PERPAGE, MAX_PERPAGE);
    return [request(proxy, column, 1, size)];
  },
};
