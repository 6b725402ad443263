// Guangdong 政府信息公开目录平台 (gkmlpt): `/gkmlpt/index` is a script shell (`SID: '…'` in its config)
// whose columns are `#{column}` routes; each column's list is `GET /gkmlpt/api/all/{column}?page=N&sid={sid}`
// → JSON `{ articles: [{ title, url, … }], total }`. A fragment never reaches the server, so the
// column comes from the shell's own report-column links (`#2811` 政府信息公开年报), or from a start
// URL that is the API itself (`/gkmlpt/api/all/2811?sid=755034`).
import type { Adapter, ListPage, PageRequest } from './types.ts';

const API = /\/gkmlpt\/api\/all\/(\d+)$/;
const SID = /\bSID\s*[:=]\s*["']?(\w+)/;
/** `<a href="#2811">政府信息公开年报</a>` or `…/gkmlpt/index#2811`. */
const COLUMN_LINK = /<a\b[^>]*href\s*=\s*["'][^"'#]*#(\d+)["'][^>]*>([\s\S]*?)<\/a>/gi;
const REPORT_COLUMN = /年报|年度报告/;
const MAX_PAGES = 1000;

const isAnswer = (page: ListPage) => API.test(new URL(page.url).pathname);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

interface Article {
  title?: unknown;
  url?: unknown;
}

function answerOf(text: string): { articles: Article[]; total?: number } | undefined {
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { articles?: unknown; total?: unknown; data?: { articles?: unknown; total?: unknown } };
    const body = Array.isArray(json.articles) ? json : json.data;
    if (!body || !Array.isArray(body.articles)) return undefined;
    const total = Number(body.total);
    return { articles: body.articles as Article[], total: Number.isFinite(total) && total > 0 ? total : undefined };
  } catch {
    return undefined;
  }
}

function apiRequest(origin: string, column: string, page: number, sid: string | null): PageRequest {
  const u = new URL(`/gkmlpt/api/all/${column}`, origin);
  u.search = sid ? `page=${page}&sid=${encodeURIComponent(sid)}` : `page=${page}`;
  return { url: u.href };
}

export const gkmlpt: Adapter = {
  name: 'gkmlpt',
  authoritative: true,
  detect: (page) => isAnswer(page) || (/\/gkmlpt\//.test(page.url) && SID.test(page.html)),
  ownsLinks: isAnswer,
  items(page: ListPage): string[] {
    if (!isAnswer(page)) return [];
    return (answerOf(page.html)?.articles ?? [])
      .filter((a) => typeof a.url === 'string' && typeof a.title === 'string')
      .map((a) => `<a href="${esc(a.url as string)}" title="${esc(a.title as string)}">${esc(a.title as string)}</a>`);
  },
  pages(page: ListPage): PageRequest[] {
    const here = new URL(page.url);
    if (isAnswer(page)) {
      const column = here.pathname.match(API)![1];
      const answer = answerOf(page.html);
      if (!answer || answer.articles.length === 0) return [];
      const n = Number(here.searchParams.get('page')) || 1;
      const sid = here.searchParams.get('sid');
      const out: PageRequest[] = [];
      // The page size is what page 1 holds (page 1 schedules the rest); without a total, one page
      // more while pages come back non-empty.
      const last = answer.total !== undefined ? (n === 1 ? Math.ceil(answer.total / answer.articles.length) : n) : n + 1;
      for (let k = n + 1; k <= Math.min(last, MAX_PAGES); k++) out.push(apiRequest(page.url, column, k, sid));
      return out;
    }
    const sid = page.html.match(SID)?.[1] ?? null;
    const columns = new Set<string>();
    for (const m of page.html.matchAll(COLUMN_LINK)) {
      if (REPORT_COLUMN.test(m[2].replace(/<[^>]*>/g, ''))) columns.add(m[1]);
    }
    return [...columns].map((c) => apiRequest(page.url, c, 1, sid));
  },
};
