// index_N probing: a list that shows paging controls built by script we do not understand
// (共N页 / 尾页 / 下一页 without a usable href) is probed one page ahead: index.html → index_1 and
// index_2 (0- and 1-based sites differ), index_N → index_{N+1}. A 404 ends the chain.
import type { Adapter, ListPage, PageRequest } from './types.ts';

const PAGING_HINT = /共\s*\d+\s*页|尾\s*页|末\s*页|下一页/;
const SCRIPTS = /<script\b[\s\S]*?<\/script>/gi;
const INDEX = /\/(index(?:_(\d+))?\.(s?html?))?$/;

export const indexProbe: Adapter = {
  name: 'index-probe',
  // Paging words inside scripts do not count: a script-built pager is the browser's business.
  detect: (page) => PAGING_HINT.test(page.html.replace(SCRIPTS, '')) && INDEX.test(new URL(page.url).pathname),
  pages(page: ListPage): PageRequest[] {
    const u = new URL(page.url);
    const m = u.pathname.match(INDEX);
    if (!m || u.search) return [];
    const ext = m[3] ?? 'html';
    const n = m[2] === undefined ? 0 : Number(m[2]);
    const at = (k: number) => new URL(`index_${k}.${ext}`, page.url).href;
    return n === 0 ? [{ url: at(1) }, { url: at(2) }] : [{ url: at(n + 1) }];
  },
};
