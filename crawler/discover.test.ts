import { describe, expect, it } from 'vitest';
import { discover, isAttachmentUrl, isReportColumn, isReportTitle, isTruncatedReportTitle, reportTitleOf } from './discover.ts';
import { scopeFor } from './url.ts';

describe('report titles', () => {
  it.each([
    ['平潭综合实验区2023年政府信息公开工作年度报告', true],
    ['福州市人民政府办公厅2022年度政府信息公开工作年度报告', true],
    ['区教育局2022年政务公开工作年度报告', true],
    ['2019年政府信息公开年报', true],
    ['区卫健委二〇二一年度政府信息公开工作报告', true],
    ['政府信息公开工作年度报告（2020年）', true],
    ['宿州市人民政府2019年政府信息公开工作年度报告（图片版）', true],
    ['平潭综合实验区2024年政府工作报告', false],
    ['2023年部门预算公开', false],
    ['区财政局2023年度部门决算公开', false],
    ['平潭综合实验区政府信息公开指南', false],
    ['2019年政务公开工作要点', false],
    ['2018年政务公开工作要点落实情况', false],
    ['区统计局2022年国民经济和社会发展统计公报', false],
    ['关于做好2023年政府信息公开工作年度报告编制和发布工作的通知', false],
    ['《2023年政府信息公开工作年度报告》解读', false],
    ['政府信息公开年报', false], // a column, not one report (no year)
  ])('%s → %s', (title, expected) => {
    expect(isReportTitle(title)).toBe(expected);
  });

  it('tells report columns from reports', () => {
    expect(isReportColumn('政府信息公开年报')).toBe(true);
    expect(isReportColumn('年度报告')).toBe(true);
    expect(isReportColumn('2023年政府信息公开工作年度报告')).toBe(false);
    expect(isReportColumn('部门预算决算年度报告')).toBe(false);
  });

  it('suspects truncated list titles that may hide a report, but not visible look-alikes', () => {
    expect(isTruncatedReportTitle('金井镇人民政府2021年度政府信息公开工作…')).toBe(true);
    expect(isTruncatedReportTitle('金井镇2021年政府信息公开工作要点及...')).toBe(false);
    expect(isTruncatedReportTitle('金井镇人民政府2021年度政府信息公开工作')).toBe(false);
  });

  it('finds the report title a detail page states for itself: CMS meta, a heading, or <title>', () => {
    expect(reportTitleOf('<head><meta name="ArticleTitle" content="A县2023年政府信息公开工作年度报告"></head><h1>x</h1>')).toBe('A县2023年政府信息公开工作年度报告');
    expect(reportTitleOf('<title>B市2022年政府信息公开工作年度报告_B市人民政府</title>')).toBe('B市2022年政府信息公开工作年度报告');
    // the portal's <h1> is its logo; the article heading is further down
    expect(reportTitleOf('<h1 class="logo">C县人民政府</h1><div class="article"><h2>C县2021年政府信息公开工作年度报告</h2></div>')).toBe('C县2021年政府信息公开工作年度报告');
    expect(reportTitleOf('<h1>C县人民政府</h1><h2>C县2021年度工作总结</h2><title>C县2021年度工作总结_C县人民政府</title>')).toBeUndefined();
  });
});

describe('attachments', () => {
  it('knows attachments by extension, by link text, and by download endpoint', () => {
    expect(isAttachmentUrl('http://x.gov.cn/zwgk/202401/P020240126583012345678.pdf')).toBe(true);
    expect(isAttachmentUrl('http://x.gov.cn/a/b.WPS')).toBe(true);
    expect(isAttachmentUrl('http://x.gov.cn/module/download/downfile.jsp?classid=0&filename=4f2a9c.pdf')).toBe(true);
    expect(isAttachmentUrl('http://x.gov.cn/getfile?id=77', '2023年报告.docx')).toBe(true);
    expect(isAttachmentUrl('http://x.gov.cn/zwgk/202401/t20240126_6301.html')).toBe(false);
  });
});

describe('discover on a list page', () => {
  const scope = scopeFor(['http://www.x.gov.cn/zwgk/nb/']);
  const list = `<html><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></div>
<ul>
<li><a href="./202401/t20240126_6301.html" title="X县2023年政府信息公开工作年度报告">X县2023年政府信息公开工作年…</a></li>
<li><a href="./202401/t20240120_6290.html" title="X县2024年政府工作报告">X县2024年政府工作报告</a></li>
<li><a href="./202101/P020210129390112233445.pdf">X县2020年政府信息公开工作年度报告.pdf</a></li>
<li><a href="./202101/P020210101000000000001.pdf">X县2021年预算公开.pdf</a></li>
<li><a href="javascript:void(0)">X县2019年政府信息公开工作年度报告</a></li>
</ul>
<a href="./bm/">部门年报</a> <a href="./calendar/?month=3">活动日历</a> <a href="http://other.gov.cn/nb/2023.html">Y县2023年政府信息公开工作年度报告</a>
<script>createPageHTML(3, 0, "index", "shtml");</script></body></html>`;

  it('classifies reports, attachments, columns, pagination; drops look-alikes and other sites', () => {
    const d = discover({ url: 'http://www.x.gov.cn/zwgk/nb/', kind: 'list', depth: 0, html: list }, scope);
    expect(d.families).toEqual(['trs']);
    expect(d.jsShell).toBe(false);
    expect(d.links).toEqual([
      { url: 'http://www.x.gov.cn/zwgk/nb/202401/t20240126_6301.html', kind: 'report', depth: 1, anchor: 'X县2023年政府信息公开工作年度报告' },
      { url: 'http://www.x.gov.cn/zwgk/nb/202101/P020210129390112233445.pdf', kind: 'attachment', depth: 1, anchor: 'X县2020年政府信息公开工作年度报告.pdf' },
      { url: 'http://www.x.gov.cn/zwgk/nb/bm/', kind: 'list', depth: 1, anchor: '部门年报' },
      { url: 'http://www.x.gov.cn/zwgk/nb/calendar/?month=3', kind: 'list', depth: 1, anchor: '活动日历' },
      { url: 'http://www.x.gov.cn/zwgk/nb/index_1.shtml', kind: 'list', depth: 0, method: undefined, body: undefined },
      { url: 'http://www.x.gov.cn/zwgk/nb/index_2.shtml', kind: 'list', depth: 0, method: undefined, body: undefined },
    ]);
  });

  it('takes every attachment of a report page, named after the report', () => {
    const page = `<div class="TRS_Editor"><p>……</p></div><p>附件：<a href="./P020240126.pdf">附件1</a> <a href="/files/表格.xls">统计表.xls</a></p>`;
    const d = discover({ url: 'http://www.x.gov.cn/zwgk/nb/202401/t20240126_6301.html', kind: 'report', depth: 1, html: page, anchor: 'X县2023年政府信息公开工作年度报告' }, scope);
    expect(d.links.map((l) => [l.url.replace('http://www.x.gov.cn', ''), l.kind, l.anchor])).toEqual([
      ['/zwgk/nb/202401/P020240126.pdf', 'attachment', 'X县2023年政府信息公开工作年度报告'],
      ['/files/%E8%A1%A8%E6%A0%BC.xls', 'attachment', 'X县2023年政府信息公开工作年度报告'],
    ]);
  });

  it('finds attachments a report page writes from script', () => {
    const page = `<div class="TRS_Editor">…</div><script>var file_appendix = "<a href='./P020240126583012345678.pdf'>附件</a>"; document.write(file_appendix);</script>`;
    const d = discover({ url: 'http://www.x.gov.cn/zwgk/nb/202401/t20240126_6301.html', kind: 'report', depth: 1, html: page, anchor: 'X县2023年政府信息公开工作年度报告' }, scope);
    expect(d.links).toEqual([{ url: 'http://www.x.gov.cn/zwgk/nb/202401/P020240126583012345678.pdf', kind: 'attachment', depth: 2, anchor: 'X县2023年政府信息公开工作年度报告' }]);
  });

  it('follows a same-site iframe that holds a column’s list, as the column itself', () => {
    const shell = `<div class="nav"><a href="/">首页</a></div><iframe src="/module/xxgk/list.jsp?cid=88" width="100%"></iframe><script src="/js/jquery.js"></script>`;
    const d = discover({ url: 'http://www.x.gov.cn/zwgk/nb/', kind: 'list', depth: 0, html: shell }, scope);
    expect(d.links).toContainEqual({ url: 'http://www.x.gov.cn/module/xxgk/list.jsp?cid=88', kind: 'list', depth: 0, anchor: '年报' });
    expect(d.jsShell).toBe(false);
  });

  it('flags a start page whose list is built by script as a JS shell', () => {
    const shell = `<html><body><div class="nav"><a href="/">首页</a></div><div id="app">加载中…</div><script>fetch('/api/list').then(r=>r.json()).then(render)</script></body></html>`;
    expect(discover({ url: 'http://www.x.gov.cn/zwgk/nb/', kind: 'list', depth: 0, html: shell }, scope).jsShell).toBe(true);
    // A shell under a broad `allow` keeps many in-scope menu links; its data-loading script still gives it away.
    const menus = Array.from({ length: 8 }, (_, i) => `<a href="/zwgk/nb/lm${i}/">栏目${i}</a>`).join('');
    expect(discover({ url: 'http://www.x.gov.cn/zwgk/nb/', kind: 'list', depth: 0, html: shell.replace('<div id="app">', menus + '<div id="app">') }, scope).jsShell).toBe(true);
    expect(discover({ url: 'http://www.x.gov.cn/zwgk/nb/', kind: 'list', depth: 0, html: `<body>${menus}<script src="/js/common.js"></script></body>` }, scope).jsShell).toBe(false);
    // The same emptiness deeper down (a calendar day, a topic page) is just a page without reports.
    expect(discover({ url: 'http://www.x.gov.cn/zwgk/nb/calendar/', kind: 'list', depth: 2, html: shell, anchor: '活动日历' }, scope).jsShell).toBe(false);
  });
});
