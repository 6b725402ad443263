import { describe, expect, it } from 'vitest';
import { gkmlpt } from './gkmlpt.ts';

// The gkmlpt shell of a Shenzhen district: config with SID, a menu of column routes.
const SHELL_URL = 'http://www.szlh.gov.cn/gkmlpt/index';
const shell = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开_深圳市龙华区人民政府</title>
<script>window._CONFIG = { SID: '755034', SITE_NAME: '深圳市龙华区人民政府', API_ROOT: '/gkmlpt/api' };</script></head>
<body><div id="app"><ul class="menu"><li><a href="#2811">政府信息公开指南</a></li><li><a href="/gkmlpt/index#2821"><span>政府信息公开年报</span></a></li><li><a href="#2830">政策解读</a></li></ul></div>
<script src="/gkmlpt/static/js/app.8c1f.js"></script></body></html>`;

const answer = (articles: Array<[string, string]>, total: number) =>
  JSON.stringify({
    classify: { id: 2821, name: '政府信息公开年报' },
    articles: articles.map(([title, url], i) => ({ id: 1000 + i, identifier: `007543282/2024-0000${i}`, publisher: '龙华区政务服务数据管理局', created_at: 1705900000, title, url })),
    total,
  });

describe('gkmlpt', () => {
  it('asks the API for the shell’s report column, with its SID', () => {
    expect(gkmlpt.detect({ url: SHELL_URL, html: shell })).toBe(true);
    expect(gkmlpt.pages({ url: SHELL_URL, html: shell }).map((p) => p.url)).toEqual(['http://www.szlh.gov.cn/gkmlpt/api/all/2821?page=1&sid=755034']);
  });

  it('turns articles[] into links and pages to the total', () => {
    const url = 'http://www.szlh.gov.cn/gkmlpt/api/all/2821?page=1&sid=755034';
    const page = {
      url,
      html: answer(
        [
          ['深圳市龙华区2023年政府信息公开工作年度报告', 'http://www.szlh.gov.cn/gkmlpt/content/11/11103/post_11103456.html'],
          ['深圳市龙华区民政局2023年政府信息公开工作年度报告', 'http://www.szlh.gov.cn/gkmlpt/content/11/11100/post_11100321.html'],
        ],
        5,
      ),
    };
    expect(gkmlpt.ownsLinks!(page)).toBe(true);
    expect(gkmlpt.items!(page)).toEqual([
      '<a href="http://www.szlh.gov.cn/gkmlpt/content/11/11103/post_11103456.html" title="深圳市龙华区2023年政府信息公开工作年度报告">深圳市龙华区2023年政府信息公开工作年度报告</a>',
      '<a href="http://www.szlh.gov.cn/gkmlpt/content/11/11100/post_11100321.html" title="深圳市龙华区民政局2023年政府信息公开工作年度报告">深圳市龙华区民政局2023年政府信息公开工作年度报告</a>',
    ]);
    expect(gkmlpt.pages(page).map((p) => p.url)).toEqual([2, 3].map((n) => `http://www.szlh.gov.cn/gkmlpt/api/all/2821?page=${n}&sid=755034`));
    expect(gkmlpt.pages({ url: url.replace('page=1', 'page=3'), html: answer([['x', 'http://www.szlh.gov.cn/a.html']], 5) })).toEqual([]);
  });

  it('works from a start URL that is the API itself', () => {
    const page = { url: 'http://www.szlh.gov.cn/gkmlpt/api/all/2821?sid=755034', html: answer([['a', '/a'], ['b', '/b']], 4) };
    expect(gkmlpt.pages(page).map((p) => p.url)).toEqual(['http://www.szlh.gov.cn/gkmlpt/api/all/2821?page=2&sid=755034']);
  });
});
