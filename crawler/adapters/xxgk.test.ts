import { describe, expect, it } from 'vitest';
import { hanwebXxgk } from './xxgk.ts';

// A 信息公开 column of a Hanweb county portal: the list is built by the xxgk module's script.
const COLUMN_URL = 'http://www.wzlc.gov.cn/col/col1229505/index.html';
const column = `<div class="xxgk-right"><div class="bt">政府信息公开年报</div>
<div id="div1229505"><div class="loading">正在加载…</div></div></div>
<script type="text/javascript" src="/module/xxgk/js/xxgk.js"></script>
<script type="text/javascript">
  var para = { infotypeId: 'WZLC0107', jdid: '3163', divid: 'div1229505', area: '002489310', sortfield: 'compaltedate:0', currpage: 1 };
  $.post('/module/xxgk/search.jsp', para, function (html) { $('#div1229505').html(html); });
</script>`;

// What search.jsp answers: the area's whole catalogue page, with other columns' documents in it.
const answer = (page: number, pages: number) => `<table class="xxgk_table">
<tr><td>索引号</td><td>名称</td><td>发布日期</td></tr>
<tr><td>002489310/2024-00012</td><td><a href="/art/2024/1/18/art_1229505_59001.html" target="_blank" title="鹿城区2023年政府信息公开工作年度报告">鹿城区2023年政府信息公开工作年度报告</a></td><td>2024-01-18</td></tr>
<tr><td>002489310/2024-00011</td><td><a href="/art/2024/1/17/art_1229511_58990.html" target="_blank" title="鹿城区2023年政府信息公开工作年度报告（区发改局）">鹿城区2023年政府信息公开工作年度报告（区发改局）</a></td><td>2024-01-17</td></tr>
<tr><td>002489310/2024-00010</td><td><a href="/art/2024/1/16/art_1229498_58980.html" target="_blank">关于印发鹿城区2024年政务公开工作要点的通知</a></td><td>2024-01-16</td></tr>
</table>
<div class="xxgk_page">共${pages}页 第${page}页 <a href="javascript:change(${page + 1})">下一页</a></div>`;

describe('Hanweb 信息公开 module', () => {
  it('posts the column’s own search parameters to search.jsp, page 1 first', () => {
    expect(hanwebXxgk.detect({ url: COLUMN_URL, html: column })).toBe(true);
    const [first] = hanwebXxgk.pages({ url: COLUMN_URL, html: column });
    expect(first.url).toBe('http://www.wzlc.gov.cn/module/xxgk/search.jsp?divid=div1229505&currpage=1');
    expect(first.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(first.body))).toEqual({
      infotypeId: 'WZLC0107', jdid: '3163', divid: 'div1229505', area: '002489310', sortfield: 'compaltedate:0', currpage: '1',
    });
    expect(hanwebXxgk.items!({ url: COLUMN_URL, html: column })).toEqual([]);
    expect(hanwebXxgk.ownsLinks!({ url: COLUMN_URL, html: column })).toBe(false);
  });

  it('keeps only this column’s entries of the catalogue, and pages to the count it states', () => {
    const url = 'http://www.wzlc.gov.cn/module/xxgk/search.jsp?divid=div1229505&currpage=1';
    const requestBody = 'infotypeId=WZLC0107&jdid=3163&divid=div1229505&area=002489310&currpage=1';
    const page = { url, html: answer(1, 3), requestBody };
    expect(hanwebXxgk.ownsLinks!(page)).toBe(true);
    const items = hanwebXxgk.items!(page);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('art_1229505_59001');
    const next = hanwebXxgk.pages(page);
    expect(next.map((p) => p.url)).toEqual([2, 3].map((n) => `http://www.wzlc.gov.cn/module/xxgk/search.jsp?divid=div1229505&currpage=${n}`));
    expect(new URLSearchParams(next[1].body).get('currpage')).toBe('3');
    expect(new URLSearchParams(next[1].body).get('area')).toBe('002489310');
    expect(hanwebXxgk.pages({ url: url.replace('currpage=1', 'currpage=3'), html: answer(3, 3), requestBody: requestBody.replace('currpage=1', 'currpage=3') })).toEqual([]);
  });

  it('reads the parameters from the search form’s hidden inputs too, and goes on while pages have entries when no count is stated', () => {
    const form = `<form id="xxgkForm" action="/module/xxgk/search.jsp" method="post"><input type="hidden" name="infotypeId" value="WZLC0107"><input type="hidden" name="jdid" value="3163"><input type="hidden" name="divid" value="div1229505"><input type="hidden" name="area" value="002489310"></form>`;
    const [first] = hanwebXxgk.pages({ url: COLUMN_URL, html: form });
    expect(Object.fromEntries(new URLSearchParams(first.body))).toEqual({ infotypeId: 'WZLC0107', jdid: '3163', divid: 'div1229505', area: '002489310', currpage: '1' });
    const url = 'http://www.wzlc.gov.cn/module/xxgk/search.jsp?divid=div1229505&currpage=2';
    const uncounted = answer(2, 3).replace(/共\d+页/, '');
    expect(hanwebXxgk.pages({ url, html: uncounted, requestBody: first.body!.replace('currpage=1', 'currpage=2') }).map((p) => p.url)).toEqual([
      'http://www.wzlc.gov.cn/module/xxgk/search.jsp?divid=div1229505&currpage=3',
    ]);
    expect(hanwebXxgk.pages({ url, html: '<table class="xxgk_table"></table>', requestBody: 'currpage=2&divid=div1229505' })).toEqual([]);
  });

  it('ignores pages that merely mention the module', () => {
    expect(hanwebXxgk.detect({ url: COLUMN_URL, html: '<a href="/module/xxgk/tree.jsp?area=002489310">信息公开目录</a>' })).toBe(false);
  });
});
