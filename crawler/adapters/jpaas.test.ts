import { describe, expect, it } from 'vitest';
import { jpaas, parseQueryData } from './jpaas.ts';

// A column of a jpaas (集约化) site: the list unit is empty in the HTML and names what to build.
const COLUMN_URL = 'https://www.tzhl.gov.cn/col/col1229608862/index.html';
const column = `<div class="main-right"><div class="title">政府信息公开年报</div>
<div class="list-unit" id="ogj1" queryData="{&quot;webId&quot;:&quot;3f5b2c&quot;,&quot;pageId&quot;:&quot;1229608862&quot;,&quot;tplSetId&quot;:&quot;a8dc01&quot;,&quot;pageType&quot;:&quot;column&quot;,&quot;tagId&quot;:&quot;当前栏目list&quot;,&quot;editType&quot;:null,&quot;pageSize&quot;:15}"></div></div>
<script src="/jpaas-publish-server/static/js/unit-loader.js"></script>`;

const unit = (pageNo: number, total: number) =>
  JSON.stringify({
    success: true,
    data: {
      html: `<ul class="list"><li><a href="/art/2024/1/22/art_1229608862_3001.html" title="黄岩区2023年政府信息公开工作年度报告">黄岩区2023年政府信息公开工作年度报告</a><span>2024-01-22</span></li></ul><div class="page">第${pageNo}页</div>`,
      total,
    },
  });

describe('Hanweb jpaas', () => {
  it('reads queryData however the template quotes it', () => {
    expect(parseQueryData("{'webId':'3f5b2c','pageSize':15}")).toEqual({ webId: '3f5b2c', pageSize: 15 });
    expect(parseQueryData('{webId:"3f5b2c",pageId:"12"}')).toEqual({ webId: '3f5b2c', pageId: '12' });
  });

  it('asks build/unit for page 1 with the paging inside paramJson', () => {
    expect(jpaas.detect({ url: COLUMN_URL, html: column })).toBe(true);
    const [first] = jpaas.pages({ url: COLUMN_URL, html: column });
    const u = new URL(first.url);
    expect(u.pathname).toBe('/api-gateway/jpaas-publish-server/front/page/build/unit');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      webId: '3f5b2c', pageId: '1229608862', tplSetId: 'a8dc01', pageType: 'column', tagId: '当前栏目list', parseType: 'bulidstatic', paramJson: '{"pageNo":1,"pageSize":15}',
    });
    // Templates that print queryData with single quotes and a string pageSize.
    const quoted = `<div queryData="{'webId':'52','pageId':'1638','tplSetId':'MsPkw','tagId':'列表新闻','pageSize':'20'}"></div><script src="/jpaas-publish-server/js/a.js"></script>`;
    expect(new URL(jpaas.pages({ url: COLUMN_URL, html: quoted })[0].url).searchParams.get('paramJson')).toBe('{"pageNo":1,"pageSize":20}');
    expect(u.searchParams.has('pageNo')).toBe(false);
  });

  it('finds the ids in the page’s script when there is no queryData', () => {
    const script = `<script src="/jpaas-publish-server/static/js/list.js"></script><script>var unit = { webId: '86ca573e', pageId: 'vhiC3Jxm', tplSetId: 'fc259c38', tagId: '内容1' };</script>`;
    expect(jpaas.detect({ url: COLUMN_URL, html: script })).toBe(true);
    const q = new URL(jpaas.pages({ url: COLUMN_URL, html: script })[0].url).searchParams;
    expect([q.get('webId'), q.get('pageId'), q.get('tplSetId'), q.get('tagId'), q.get('paramJson')]).toEqual(['86ca573e', 'vhiC3Jxm', 'fc259c38', '内容1', '{"pageNo":1,"pageSize":15}']);
    expect(jpaas.pages({ url: COLUMN_URL, html: '<script src="/jpaas-publish-server/x.js"></script><p>pageId</p>' })).toEqual([]);
  });

  it('takes the list from data.html and pages to the total', () => {
    const url = 'https://www.tzhl.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?webId=3f5b2c&pageId=1229608862&paramJson=%7B%22pageNo%22%3A1%2C%22pageSize%22%3A15%7D';
    const page = { url, html: unit(1, 40) };
    expect(jpaas.ownsLinks!(page)).toBe(true);
    expect(jpaas.items!(page)[0]).toContain('art_1229608862_3001');
    const next = jpaas.pages(page).map((p) => JSON.parse(new URL(p.url).searchParams.get('paramJson')!));
    expect(next).toEqual([{ pageNo: 2, pageSize: 15 }, { pageNo: 3, pageSize: 15 }]);
    // Without a total it asks one page more while pages hold entries, and stops at an empty one.
    const noTotal = { url, html: JSON.stringify({ data: { html: '<ul><li><a href="/art/x.html">x</a></li></ul>' } }) };
    expect(jpaas.pages(noTotal)).toHaveLength(1);
    expect(jpaas.pages({ url, html: JSON.stringify({ data: { html: '<ul></ul>' } }) })).toEqual([]);
  });
});
