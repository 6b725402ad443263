// Guangdong 政府信息公开目录平台 (gkmlpt): `…/gkmlpt/index` is a script shell whose config
// (`window._CONFIG = { SID: '…', TREE: [{ id, name, children }…] }`) names the site and its columns;
// each column's list is `GET …/gkmlpt/api/all/{column}?page=N&sid={sid}` → JSON
// `{ classify: { post_count }, articles: [{ title, url | post_url, … }], total }`. The platform may sit
// under a department's folder (`/yjzjj/gkmlpt/`). The `#{column}` of a start URL never reaches us
// (fragments are not part of a URL's identity), so the report columns are the TREE's (or the shell's
// menu links') nodes named 年报/年度报告; a start URL may also be the API itself
// (`/gkmlpt/api/all/2821?sid=755034`).
import type { Adapter, ListPage, PageRequest } from './types.ts';

const API = /^(.*\/gkmlpt\/)api\/all\/(\d+)$/;
const ROOT = /^(.*\/gkmlpt\/)/;
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
  post_url?: unknown;
}

interface TreeNode {
  id?: unknown;
  name?: unknown;
  jump_url?: unknown;
  children?: unknown;
}

/** The JSON array after `TREE:` in the shell's config, cut out by bracket matching (strings aware). */
function treeOf(html: string): TreeNode[] {
  const at = html.search(/\bTREE\s*:\s*\[/);
  if (at < 0) return [];
  const start = html.indexOf('[', at);
  let depth = 0;
  let inString = false;
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) {
        try {
          const tree: unknown = JSON.parse(html.slice(start, i + 1));
          return Array.isArray(tree) ? (tree as TreeNode[]) : [];
        } catch {
          return [];
        }
      }
    }
  }
  return [];
}

function reportColumns(nodes: TreeNode[], out: Set<string>): Set<string> {
  for (const n of nodes) {
    if (typeof n.name === 'string' && REPORT_COLUMN.test(n.name) && !n.jump_url && (typeof n.id === 'number' || typeof n.id === 'string')) out.add(String(n.id));
    if (Array.isArray(n.children)) reportColumns(n.children as TreeNode[], out);
  }
  return out;
}

type Body = { articles?: unknown; total?: unknown; classify?: { post_count?: unknown } };

function answerOf(text: string): { articles: Article[]; total?: number } | undefined {
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as Body & { data?: Body };
    const body = Array.isArray(json.articles) ? json : json.data;
    if (!body || !Array.isArray(body.articles)) return undefined;
    const total = Number(body.total ?? body.classify?.post_count);
    return { articles: body.articles as Article[], total: Number.isFinite(total) && total > 0 ? total : undefined };
  } catch {
    return undefined;
  }
}

function apiRequest(base: string, root: string, column: string, page: number, sid: string | null): PageRequest {
  const u = new URL(`${root}api/all/${column}`, base);
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
      .map((a) => ({ title: a.title, url: typeof a.url === 'string' && a.url ? a.url : a.post_url }))
      .filter((a): a is { title: string; url: string } => typeof a.url === 'string' && typeof a.title === 'string')
      .map((a) => `<a href="${esc(a.url)}" title="${esc(a.title)}">${esc(a.title)}</a>`);
  },
  pages(page: ListPage): PageRequest[] {
    const here = new URL(page.url);
    if (isAnswer(page)) {
      const [, root, column] = here.pathname.match(API)!;
      const answer = answerOf(page.html);
      if (!answer || answer.articles.length === 0) return [];
      const n = Number(here.searchParams.get('page')) || 1;
      const sid = here.searchParams.get('sid');
      const out: PageRequest[] = [];
      // The page size is what page 1 holds (page 1 schedules the rest); without a total, one page
      // more while pages come back non-empty.
      const last = answer.total !== undefined ? (n === 1 ? Math.ceil(answer.total / answer.articles.length) : n) : n + 1;
      for (let k = n + 1; k <= Math.min(last, MAX_PAGES); k++) out.push(apiRequest(page.url, root, column, k, sid));
      return out;
    }
    const root = here.pathname.match(ROOT)?.[1];
    if (!root) return [];
    const sid = page.html.match(SID)?.[1] ?? null;
    const columns = reportColumns(treeOf(page.html), new Set());
    for (const m of page.html.matchAll(COLUMN_LINK)) {
      if (REPORT_COLUMN.test(m[2].replace(/<[^>]*>/g, ''))) columns.add(m[1]);
    }
    return [...columns].map((c) => apiRequest(page.url, root, c, 1, sid));
  },
};
