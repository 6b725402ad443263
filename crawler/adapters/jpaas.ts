// Hanweb jpaas (集约化 publishing platform): a column page holds list units that say what to build in
// a `queryData="{…}"` attribute; the list itself comes from
// `GET /api-gateway/jpaas-publish-server/front/page/build/unit?webId&pageId&tplSetId…&paramJson={"pageNo":N,"pageSize":S}`
// as JSON whose `data.html` is the list fragment. Paging only works inside `paramJson` (notes §1.2).
import type { Adapter, ListPage, PageRequest } from './types.ts';

const UNIT_PATH = '/api-gateway/jpaas-publish-server/front/page/build/unit';
const QUERY_DATA = /queryData\s*=\s*(["'])(\{[\s\S]*?\})\1/gi;
const DEFAULT_PAGE_SIZE = 15;
const MAX_PAGES = 1000;

const isAnswer = (page: ListPage) => new URL(page.url).pathname.endsWith(UNIT_PATH);

const decodeEntities = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** queryData is JSON, or JSON-ish with single quotes / bare keys, as templates print it. */
export function parseQueryData(raw: string): Record<string, unknown> | undefined {
  const text = decodeEntities(raw);
  for (const candidate of [text, text.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')]) {
    try {
      const v: unknown = JSON.parse(candidate);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* try the next spelling */
    }
  }
  return undefined;
}

interface Answer {
  html?: string;
  total?: number;
  pages?: number;
}

function answerOf(text: string): Answer | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const data = (json as { data?: unknown })?.data;
  const d = (typeof data === 'object' && data !== null ? data : json) as Record<string, unknown>;
  const num = (...keys: string[]) => keys.map((k) => Number(d[k])).find((n) => Number.isFinite(n) && n > 0);
  const html = typeof data === 'string' ? data : typeof d.html === 'string' ? d.html : undefined;
  return { html, total: num('total', 'totalCount', 'totalRecord'), pages: num('totalPage', 'pageCount', 'pages') ?? pagesInHtml(html) };
}

function pagesInHtml(html: string | undefined): number | undefined {
  const m = html?.match(/共\s*(\d+)\s*页/);
  return m ? Number(m[1]) : undefined;
}

const SCRIPT_KEYS = ['webId', 'pageId', 'tplSetId', 'tagId', 'pageType', 'parseType', 'editType'];

function scriptIds(html: string): Record<string, unknown> | undefined {
  const q: Record<string, unknown> = {};
  for (const k of SCRIPT_KEYS) {
    const m = html.match(new RegExp(`["']?\\b${k}["']?\\s*[:=]\\s*["']([^"']+)["']`));
    if (m) q[k] = m[1];
  }
  return q.webId && q.pageId && q.tplSetId ? q : undefined;
}

function unitRequest(origin: string, params: URLSearchParams, paramJson: Record<string, unknown>, pageNo: number, pageSize: number): PageRequest {
  const u = new URL(UNIT_PATH, origin);
  const q = new URLSearchParams(params);
  q.set('paramJson', JSON.stringify({ ...paramJson, pageNo, pageSize }));
  u.search = q.toString();
  return { url: u.href };
}

export const jpaas: Adapter = {
  name: 'hanweb-jpaas',
  authoritative: true,
  detect: (page) => isAnswer(page) || (/jpaas-publish-server/.test(page.html) && (/queryData\s*=/i.test(page.html) || /\bpageId\b/.test(page.html))),
  ownsLinks: isAnswer,
  items(page: ListPage): string[] {
    if (!isAnswer(page)) return [];
    const html = answerOf(page.html)?.html;
    return html ? [html] : [];
  },
  pages(page: ListPage): PageRequest[] {
    if (isAnswer(page)) {
      const here = new URL(page.url);
      const answer = answerOf(page.html);
      if (!answer?.html) return [];
      const paramJson = (parseQueryData(here.searchParams.get('paramJson') ?? '{}') ?? {}) as Record<string, unknown>;
      const pageNo = Number(paramJson.pageNo) || 1;
      const pageSize = Number(paramJson.pageSize) || DEFAULT_PAGE_SIZE;
      const params = new URLSearchParams(here.searchParams);
      params.delete('paramJson');
      const last = answer.pages ?? (answer.total !== undefined ? Math.ceil(answer.total / pageSize) : undefined);
      // Without a count, one page more while pages come back with entries.
      const to = Math.min(last ?? (/<a\s/i.test(answer.html) ? pageNo + 1 : pageNo), MAX_PAGES);
      const out: PageRequest[] = [];
      for (let n = pageNo + 1; n <= to; n++) out.push(unitRequest(page.url, params, paramJson, n, pageSize));
      return out;
    }
    const out: PageRequest[] = [];
    const units = [...page.html.matchAll(QUERY_DATA)].map((m) => parseQueryData(m[2]));
    // Some templates state the ids in script only (`webId: '…', pageId: '…'`): one unit from those.
    if (units.length === 0) units.push(scriptIds(page.html));
    for (const q of units) {
      if (!q) continue;
      const { pageNo: _no, pageSize, paramJson, ...rest } = q;
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(rest)) if (v !== null && typeof v !== 'object') params.set(k, String(v));
      if (!params.has('pageId') && !params.has('webId')) continue;
      // What the platform's own loader adds (public clients send the same; `bulidstatic` is its spelling).
      if (!params.has('parseType')) params.set('parseType', 'bulidstatic');
      if (!params.has('pageType')) params.set('pageType', 'column');
      const inner = (typeof paramJson === 'string' ? parseQueryData(paramJson) : (paramJson as Record<string, unknown> | undefined)) ?? {};
      const size = Number(pageSize ?? inner.pageSize) || DEFAULT_PAGE_SIZE;
      out.push(unitRequest(page.url, params, inner, 1, size));
    }
    return out;
  },
};
