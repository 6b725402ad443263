// TRS WCM (拓尔思) static lists: an inline `createPageHTML(...)` call declares the page count.
//   createPageHTML(10, 0, "index", "html")              → 0-based: index.html, index_1.html … index_9.html
//   createPageHTML('paging', 10, 1, 'index', 'html', 195) → 1-based: index.html, index_2.html … index_10.html
// Arguments may be variables (`var countPage = 10`), which are resolved from the page's scripts.
import type { Adapter, ListPage, PageRequest } from './types.ts';

const CALL = /createPageHTML\s*\(([^)]*)\)/g;
const MAX_PAGES = 2000;

function resolveArg(raw: string, html: string): string | number | undefined {
  const a = raw.trim();
  const quoted = a.match(/^["'](.*)["']$/);
  if (quoted) return quoted[1];
  if (/^\d+$/.test(a)) return Number(a);
  if (/^[A-Za-z_$][\w$]*$/.test(a)) {
    const m = html.match(new RegExp(`(?:var|let|const)\\s+${a.replace(/\$/g, '\\$')}\\s*=\\s*(?:["']?)(\\d+)`));
    if (m) return Number(m[1]);
    const s = html.match(new RegExp(`(?:var|let|const)\\s+${a.replace(/\$/g, '\\$')}\\s*=\\s*["']([^"']*)["']`));
    if (s) return s[1];
  }
  return undefined;
}

interface PagerCall {
  total: number;
  prefix: string;
  ext: string;
  oneBased: boolean;
}

export function parseCreatePageHTML(html: string): PagerCall | undefined {
  for (const m of html.matchAll(CALL)) {
    const args = m[1].split(',').map((a) => resolveArg(a, html));
    if (args.length < 4) continue; // the function's own definition, not a call
    if (typeof args[0] === 'string') {
      // ('paging', total, current, prefix, ext, count): the element-id variant counts pages from 1.
      const [, total, , prefix, ext] = args;
      if (typeof total === 'number' && typeof prefix === 'string' && typeof ext === 'string')
        return { total, prefix, ext, oneBased: true };
    } else {
      const [total, , prefix, ext] = args;
      if (typeof total === 'number' && typeof prefix === 'string' && typeof ext === 'string')
        return { total, prefix, ext, oneBased: false };
    }
  }
  return undefined;
}

export const trs: Adapter = {
  name: 'trs',
  authoritative: true,
  detect: (page) => page.html.includes('createPageHTML'),
  pages(page: ListPage): PageRequest[] {
    const call = parseCreatePageHTML(page.html);
    if (!call) return [];
    const total = Math.min(call.total, MAX_PAGES);
    const out: PageRequest[] = [];
    // Page 1 is where the crawl entered the column (often as the bare folder URL); asking for
    // index.html again would fetch the same page under a second name.
    for (let i = 2; i <= total; i++) {
      out.push({ url: new URL(`${call.prefix}_${call.oneBased ? i : i - 1}.${call.ext}`, page.url).href });
    }
    return out;
  },
};
