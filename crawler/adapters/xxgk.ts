// Hanweb 信息公开 module (`/module/xxgk/`): a column page whose list is fetched by script from
// `POST /module/xxgk/search.jsp` with infotypeId/jdid/divid/area/currpage…. The answer is an HTML
// fragment of the whole area's catalogue — other columns' documents included — so only the entries
// of this column (`art_{colid}_…`, the column id being the number in `divid`) are taken from it.
import * as cheerio from 'cheerio';
import type { Adapter, ListPage, PageRequest } from './types.ts';

const SEARCH_PATH = '/module/xxgk/search.jsp';
/** The form keys the module's script sends; whichever the page states are sent back as stated. */
const FORM_KEYS = ['infotypeId', 'jdid', 'divid', 'area', 'sortfield', 'standardXxgk', 'isAllList', 'texttype', 'fbtime', 'vc_all', 'vc_filenumber', 'vc_title', 'vc_number', 'binlay', 'c_issuetime'];
const MAX_PAGES = 1000;

const isAnswer = (page: ListPage) => new URL(page.url).pathname.endsWith(SEARCH_PATH);

/** `key: 'v'`, `key = "v"`, `key=v&` as the module's scripts and links write them, or a hidden
 * `<input name="key" value="v">` of its search form. */
function stated(html: string, key: string): string | undefined {
  const input = html.match(new RegExp(`<input\\b[^>]*\\bname=["']${key}["'][^>]*\\bvalue=["']([^"']*)["']`, 'i'));
  if (input) return input[1];
  const m = html.match(new RegExp(`[{,;\\s?&'"]${key}['"]?\\s*[:=]\\s*["']?([^"',&}\\s;)]*)`));
  return m?.[1];
}

/** The column whose entries the catalogue is filtered to: `div1229505` → 1229505. */
function columnId(divid: string | undefined, url: string): string | undefined {
  return divid?.match(/(\d+)$/)?.[1] ?? url.match(/\/col\/col(\d+)\//)?.[1];
}

function pageCount(html: string): number | undefined {
  const m = html.match(/共\s*(\d+)\s*页/) ?? html.match(/total_?page\s*[:=]\s*["']?(\d+)/i) ?? html.match(/page_?count\s*[:=]\s*["']?(\d+)/i);
  return m ? Number(m[1]) : undefined;
}

function request(origin: string, form: URLSearchParams, currpage: number): PageRequest {
  const body = new URLSearchParams(form);
  body.set('currpage', String(currpage));
  const u = new URL(SEARCH_PATH, origin);
  // divid and currpage in the query too: they tell two answers apart in the frontier (and JSP reads
  // query and form alike).
  u.search = `divid=${encodeURIComponent(form.get('divid') ?? '')}&currpage=${currpage}`;
  return { url: u.href, method: 'POST', body: body.toString() };
}

export const hanwebXxgk: Adapter = {
  name: 'hanweb-xxgk',
  authoritative: true,
  detect: (page) => isAnswer(page) || (page.html.includes(SEARCH_PATH) && /infotypeId/.test(page.html)),
  ownsLinks: isAnswer,
  items(page: ListPage): string[] {
    if (!isAnswer(page)) return [];
    const divid = new URL(page.url).searchParams.get('divid') ?? new URLSearchParams(page.requestBody ?? '').get('divid') ?? undefined;
    const col = columnId(divid, page.url);
    const $ = cheerio.load(page.html);
    return $('a[href]')
      .toArray()
      .filter((el) => {
        const href = $(el).attr('href') ?? '';
        const art = href.match(/art_(\d+)_\d+/);
        // Other columns' articles are the catalogue's, not ours; script links are its pager.
        return art ? col === undefined || art[1] === col : !/^\s*(javascript:|#)/i.test(href);
      })
      .map((el) => $.html(el));
  },
  pages(page: ListPage): PageRequest[] {
    if (isAnswer(page)) {
      const form = new URLSearchParams(page.requestBody ?? '');
      const current = Number(form.get('currpage') ?? new URL(page.url).searchParams.get('currpage')) || 1;
      // Without a stated count: one page more while pages hold entries; an empty page ends it.
      const count = pageCount(page.html) ?? (/art_\d+_\d+/.test(page.html) ? current + 1 : current);
      const total = Math.min(count, MAX_PAGES);
      const out: PageRequest[] = [];
      for (let n = current + 1; n <= total; n++) out.push(request(page.url, form, n));
      return out;
    }
    const form = new URLSearchParams();
    for (const key of FORM_KEYS) {
      const v = stated(page.html, key);
      if (v !== undefined) form.set(key, v);
    }
    if (!form.has('divid') && !form.has('infotypeId')) return [];
    if (!form.has('divid')) {
      const col = columnId(undefined, page.url);
      if (col) form.set('divid', `div${col}`);
    }
    return [request(page.url, form, 1)];
  },
};
