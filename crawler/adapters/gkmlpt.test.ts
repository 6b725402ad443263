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

  it('reads the report column from the config’s TREE, under a department’s folder too', () => {
    const tree = `<script>window._CONFIG = { SID: '662021', TREE: [{"id":718,"name":"\\u673a\\u6784\\u804c\\u80fd","children":[]},{"id":720,"name":"政府信息公开","children":[{"id":721,"name":"政府信息公开年报","children":[]},{"id":722,"name":"年报解读 {旧}","jump_url":"http://www.yangjiang.gov.cn/old/"}]}], SERVICE_AREA_ID: 4417 };</script>`;
    expect(gkmlpt.pages({ url: 'http://www.yangjiang.gov.cn/yjzjj/gkmlpt/index', html: tree }).map((p) => p.url)).toEqual([
      'http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=1&sid=662021',
    ]);
    // Answers under the folder keep it; post_url stands in for a missing url; classify.post_count is the total.
    const answer = JSON.stringify({ classify: { id: 721, post_count: 3 }, articles: [{ title: '阳江市住房和城乡建设局2023年政府信息公开工作年度报告', url: '', post_url: '/yjzjj/gkmlpt/content/0/963/post_963149.html' }, { title: 'b', url: '/b' }] });
    const page = { url: 'http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=1&sid=662021', html: answer };
    expect(gkmlpt.items!(page)[0]).toContain('href="/yjzjj/gkmlpt/content/0/963/post_963149.html"');
    expect(gkmlpt.pages(page).map((p) => p.url)).toEqual(['http://www.yangjiang.gov.cn/yjzjj/gkmlpt/api/all/721?page=2&sid=662021']);
  });

  it('works from a start URL that is the API itself', () => {
    const page = { url: 'http://www.szlh.gov.cn/gkmlpt/api/all/2821?sid=755034', html: answer([['a', '/a'], ['b', '/b']], 4) };
    expect(gkmlpt.pages(page).map((p) => p.url)).toEqual(['http://www.szlh.gov.cn/gkmlpt/api/all/2821?page=2&sid=755034']);
  });
});
