// Plain "next page" links (下一页 / 下页 / 后一页 / next / >), as most static CMSs render them.
import * as cheerio from 'cheerio';
import type { Adapter, ListPage, PageRequest } from './types.ts';

const NEXT_TEXT = /^\s*(下一页|下页|后一页|下一頁|next|next page|>|›|»)\s*$/i;

export const nextLink: Adapter = {
  name: 'next-link',
  detect: (page) => /下一页|下页|后一页|next/i.test(page.html),
  pages(page: ListPage): PageRequest[] {
    const $ = cheerio.load(page.html);
    const out: PageRequest[] = [];
    $('a[href]').each((_, el) => {
      const a = $(el);
      const text = a.text() || a.attr('title') || '';
      const href = a.attr('href') ?? '';
      if (!NEXT_TEXT.test(text) || /^javascript:|^#/i.test(href.trim())) return;
      try {
        out.push({ url: new URL(href, page.url).href });
      } catch {
        /* unusable href */
      }
    });
    return out;
  },
};
