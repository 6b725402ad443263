import { describe, expect, it } from 'vitest';
import { hanweb } from './hanweb.ts';
import { hanwebPaged } from './hanweb-page.ts';

// An older 大汉 column (as served around 2016–2019): the proxy is /module/jpage/dataproxy.jsp and
// the nextgroup link carries page=1, no startrecord.
const COLUMN_URL = 'http://www.jrx.gov.cn/col/col2345/index.html';
const column = `<div class="lmlb" id="2345">
<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&appid=1&appid=1&webid=3&path=/&columnid=2345&unitid=6789&webname=%E9%87%91%E4%B9%A1%E5%8E%BF&permissiontype=0"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2024/1/20/art_2345_901.html" title="金乡县2023年政府信息公开工作年度报告" target="_blank">金乡县2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2023/1/19/art_2345_801.html" title="金乡县2022年政府信息公开工作年度报告" target="_blank">金乡县2022年政府信息公开工作年度报告</a><span>2023-01-19</span></li>]]></record>
</recordset></datastore></script></div>
<script language="javascript" src="/module/jpage/jpage.js"></script>
<script>$(document).ready(function(){ $('#2345').jpage({ dataStore: dataStore, perPage: 2, totalRecord: 7, proxyUrl: '/module/jpage/dataproxy.jsp' }); });</script>`;

const answer = (n: number) =>
  `<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>7</totalrecord><recordset>${'<record><![CDATA[<li><a href="/art/2022/1/1/art_2345_1.html">x</a></li>]]></record>'.repeat(n)}</recordset></datastore>`;

describe('Hanweb jpage, page=N deployments', () => {
  it('is recognised by the older proxy path in nextgroup, and the startrecord adapter steps aside', () => {
    expect(hanwebPaged.detect({ url: COLUMN_URL, html: column })).toBe(true);
    expect(hanweb.detect({ url: COLUMN_URL, html: column })).toBe(false);
    const modern = column.replace('/module/jpage/dataproxy.jsp?page=1', '/module/web/jpage/dataproxy.jsp?page=1');
    expect(hanwebPaged.detect({ url: COLUMN_URL, html: modern })).toBe(false);
    expect(hanweb.detect({ url: COLUMN_URL, html: modern })).toBe(true);
  });

  it('asks for page=2…4 at the size the column displays, posting the nextgroup parameters', () => {
    const pages = hanwebPaged.pages({ url: COLUMN_URL, html: column });
    expect(pages.map((p) => p.url)).toEqual([2, 3, 4].map((n) => `http://www.jrx.gov.cn/module/jpage/dataproxy.jsp?page=${n}&perpage=2&startrecord=${2 * n - 1}&endrecord=${2 * n}`));
    expect(pages[0].method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(pages[0].body))).toEqual({
      appid: '1', webid: '3', path: '/', columnid: '2345', unitid: '6789', webname: '金乡县', permissiontype: '0',
    });
  });

  it('never asks more per page than the ceiling, whatever the column declares', () => {
    const big = column.replace('perPage: 2, totalRecord: 7', 'perPage: 1000, totalRecord: 2400');
    const urls = hanwebPaged.pages({ url: COLUMN_URL, html: big }).map((p) => p.url);
    expect(urls[0]).toBe('http://www.jrx.gov.cn/module/jpage/dataproxy.jsp?page=1&perpage=300&startrecord=1&endrecord=300');
    expect(urls).toHaveLength(8);
  });

  it('an answer cut short before the list ends reveals the ceiling: the list is paged again at that size', () => {
    const body = 'appid=1&webid=3&path=%2F&columnid=2345&unitid=6789';
    const url = 'http://www.jrx.gov.cn/module/jpage/dataproxy.jsp?page=2&perpage=2&startrecord=3&endrecord=4';
    const pageOf = (u: string) => [new URL(u).searchParams.get('page'), new URL(u).searchParams.get('perpage')].join('@');
    // Page 2 of 7 at 2 per page should hold 2 records; a full one schedules only what follows.
    expect(hanwebPaged.pages({ url, html: answer(2), requestBody: body }).map((p) => pageOf(p.url))).toEqual(['3@2', '4@2']);
    const cut = hanwebPaged.pages({ url: 'http://www.jrx.gov.cn/module/jpage/dataproxy.jsp?page=1&perpage=5&startrecord=1&endrecord=5', html: answer(3), requestBody: body });
    expect(cut.map((p) => pageOf(p.url))).toEqual(['1@3', '2@3', '3@3']);
    expect(cut[2].url).toContain('startrecord=7&endrecord=9');
    expect(new URLSearchParams(cut[0].body).get('unitid')).toBe('6789');
    // The last page is short by nature: that is the end, not a ceiling.
    expect(hanwebPaged.pages({ url: 'http://www.jrx.gov.cn/module/jpage/dataproxy.jsp?page=4&perpage=2&startrecord=7&endrecord=8', html: answer(1), requestBody: body })).toEqual([]);
  });
});
