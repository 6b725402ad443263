import { describe, expect, it } from 'vitest';
import { hanweb } from './hanweb.ts';
import { nextLink } from './nextlink.ts';
import { indexProbe } from './probe.ts';
import { parseCreatePageHTML, trs } from './trs.ts';

describe('TRS createPageHTML', () => {
  it('0-based: page 2 is index_1, arguments resolved from variables', () => {
    const html = `<script language="JavaScript">var currentPage = 0;//所在页从0开始
var countPage = 4//共多少页
createPageHTML(countPage, currentPage, "index", "shtml");</script>`;
    expect(parseCreatePageHTML(html)).toEqual({ total: 4, prefix: 'index', ext: 'shtml', oneBased: false });
    expect(trs.pages({ url: 'http://www.x.gov.cn/zwgk/nb/', html }).map((p) => p.url)).toEqual([
      'http://www.x.gov.cn/zwgk/nb/index_1.shtml',
      'http://www.x.gov.cn/zwgk/nb/index_2.shtml',
      'http://www.x.gov.cn/zwgk/nb/index_3.shtml',
    ]);
  });

  it("1-based element-id variant: createPageHTML('paging', 3, 1, 'index', 'html', 45) → index_2, index_3", () => {
    const html = `<div id="paging"><script>createPageHTML('paging', 3, 1, 'index', 'html', 45);</script></div>`;
    expect(trs.pages({ url: 'http://www.x.gov.cn/xxgk/ndbg/index.html', html }).map((p) => p.url)).toEqual([
      'http://www.x.gov.cn/xxgk/ndbg/index_2.html',
      'http://www.x.gov.cn/xxgk/ndbg/index_3.html',
    ]);
  });

  it('ignores the function definition in page.js and a single-page list', () => {
    expect(trs.pages({ url: 'http://x/a/', html: 'function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}' })).toEqual([]);
    expect(trs.pages({ url: 'http://x/a/', html: 'createPageHTML(1, 0, "index", "html");' })).toEqual([]);
  });
});

describe('Hanweb jpage', () => {
  const column = `<div id="4563"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=2&path=/&columnid=4563&unitid=19988&webname=%E6%B3%B0%E5%B7%9E&permissiontype=0"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2024/1/15/art_4563_1.html">甲</a></li>]]></record>
<record><![CDATA[<li><a href="/art/2024/1/14/art_4563_2.html">乙</a></li>]]></record>
<record><![CDATA[<li><a href="/art/2024/1/13/art_4563_3.html">丙</a></li>]]></record></recordset></datastore></script></div>
<script>$('#4563').jpage({ dataStore: dataStore, perPage: 1, totalRecord: 8 });</script>`;

  it('takes the records out of the embedded XML', () => {
    expect(hanweb.items!({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: column })).toHaveLength(3);
  });

  it('posts the nextgroup parameters to dataproxy.jsp, one group of three display pages at a time', () => {
    const pages = hanweb.pages({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: column });
    expect(pages.map((p) => p.url)).toEqual([
      'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1',
      'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=9&perpage=1',
    ]);
    const form = new URLSearchParams(pages[0].body);
    expect(pages[0].method).toBe('POST');
    expect(Object.fromEntries(form)).toEqual({
      col: '1',
      appid: '1',
      webid: '2',
      path: '/',
      columnid: '4563',
      unitid: '19988',
      webname: '泰州',
      permissiontype: '0',
      sourceContentType: '1',
    });
  });

  it('reads groupSize when the jpage call sets it', () => {
    const bigGroups = column.replace('perPage: 1,', 'perPage: 1, groupSize: 5,');
    expect(hanweb.pages({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: bigGroups }).map((p) => p.url)).toEqual([
      'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=8&perpage=1',
    ]);
  });

  it('continues right after the embedded records, however many display pages the column embeds', () => {
    const one = column.replace(/<record>.*?<\/record>\n<record>.*?<\/record>\n/s, '');
    expect(hanweb.items!({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: one })).toHaveLength(1);
    expect(hanweb.pages({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: one })[0].url).toContain('startrecord=2&endrecord=4');
  });

  it('without a declared total, asks for one group more only while groups come back full', () => {
    const noTotal = column.replace(/totalRecord: 8/, '');
    expect(hanweb.pages({ url: 'http://www.tz.gov.cn/col/col4563/index.html', html: noTotal }).map((p) => p.url)).toEqual([
      'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1',
    ]);
    const full = `<datastore><recordset>${'<record><![CDATA[<li><a href="/art/x.html">x</a></li>]]></record>'.repeat(3)}</recordset></datastore>`;
    const proxyUrl = 'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1&columnid=4563';
    expect(hanweb.pages({ url: proxyUrl, html: full }).map((p) => p.url)).toEqual([
      'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=9&perpage=1',
    ]);
    // Chained from an answer: the column's form (from the request that produced it) goes along.
    const chained = hanweb.pages({ url: 'http://www.tz.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1', html: full, requestBody: 'col=1&appid=1&columnid=4563&unitid=19988' });
    expect(new URLSearchParams(chained[0].body).get('unitid')).toBe('19988');
    const short = `<datastore><recordset><record><![CDATA[<li>x</li>]]></record></recordset></datastore>`;
    expect(hanweb.pages({ url: proxyUrl, html: short })).toEqual([]);
  });
});

describe('plain next links and index_N probing', () => {
  it('follows 下一页 links with a real href only', () => {
    const html = `<div class="page"><a href="list_2.html">下一页</a><a href="javascript:goPage(3)">下页</a><a href="list_9.html">尾页</a></div>`;
    expect(nextLink.pages({ url: 'http://x.gov.cn/nb/list_1.html', html }).map((p) => p.url)).toEqual(['http://x.gov.cn/nb/list_2.html']);
  });

  it('probes one page ahead when paging is drawn by script', () => {
    const html = '<div id="page">共5页 <a href="javascript:;">下一页</a></div>';
    expect(indexProbe.detect({ url: 'http://x.gov.cn/nb/', html })).toBe(true);
    expect(indexProbe.pages({ url: 'http://x.gov.cn/nb/', html }).map((p) => p.url)).toEqual(['http://x.gov.cn/nb/index_1.html', 'http://x.gov.cn/nb/index_2.html']);
    expect(indexProbe.pages({ url: 'http://x.gov.cn/nb/index_3.shtml', html }).map((p) => p.url)).toEqual(['http://x.gov.cn/nb/index_4.shtml']);
    expect(indexProbe.detect({ url: 'http://x.gov.cn/nb/', html: '<ul><li>只有一页</li></ul>' })).toBe(false);
  });
});
