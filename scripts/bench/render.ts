// Renders generated reports the way portals publish them: a TRS-style article page (navigation,
// breadcrumbs, share buttons, footer) with the template's tables and their real rowspan/colspan
// shapes, or the same report as scraped plain text (tables as `|`- or tab-separated lines).
import type { TemplateValues, Row7 } from './template-values.ts';
import { OUTCOME_ROWS } from './template-values.ts';

export interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
}
export type Grid = Cell[][];

export interface Agency {
  region: string;
  code: string;
  /** Full agency name as printed in the title. */
  agency: string;
  province: string;
}

const c = (text: string | number, colspan?: number, rowspan?: number): Cell => ({ text: String(text), colspan, rowspan });
const nums = (row: Row7): Cell[] => row.map((v) => c(v));

export function table2Grid(v: TemplateValues): Grid {
  const grid: Grid = [];
  for (const part of v.table2) {
    const width = 4;
    grid.push([c(part.section, width)]);
    // Narrow sections stretch their last column so every row of the table is 4 wide.
    const stretch = (cells: Cell[]) => {
      const used = cells.reduce((s, x) => s + (x.colspan ?? 1), 0);
      if (used < width) cells[cells.length - 1].colspan = (cells[cells.length - 1].colspan ?? 1) + width - used;
      return cells;
    };
    grid.push(stretch(part.header.map((h) => c(h))));
    for (const row of part.rows) grid.push(stretch([c(row.label), ...row.cells.map((x) => c(x))]));
  }
  return grid;
}

export function table3Grid(v: TemplateValues): Grid {
  const t = v.table3;
  const rows = OUTCOME_ROWS[v.era];
  const grid: Grid = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => c(h)),
    [c('一、本年新收政府信息公开申请数量', 3), ...nums(t.newApps)],
    [c('二、上年结转政府信息公开申请数量', 3), ...nums(t.carriedOver)],
  ];
  const outcomeRowCount = rows.length + 1; // + (七)总计
  rows.forEach(([, group, label], i) => {
    const cells: Cell[] = [];
    if (i === 0) cells.push(c('三、本年度办理结果', 1, outcomeRowCount));
    if (group === '') cells.push(c(label, 2));
    else {
      const first = rows.findIndex(([, g]) => g === group);
      if (first === i) cells.push(c(group, 1, rows.filter(([, g]) => g === group).length));
      cells.push(c(label));
    }
    grid.push([...cells, ...nums(t.outcomes[i])]);
  });
  grid.push([c('（七）总计', 2), ...nums(t.outcomeTotal)]);
  grid.push([c('四、结转下年度继续办理', 3), ...nums(t.carriedForward)]);
  return grid;
}

export function table4Grid(v: TemplateValues): Grid {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [...results.map((r) => c(r, 1, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
    [...results, ...results].map((r) => c(r)),
    [...v.table4[0], ...v.table4[1], ...v.table4[2]].map((x) => c(x)),
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function gridToHtml(grid: Grid): string {
  const rows = grid.map(
    (row) =>
      '<tr>' +
      row
        .map((x) => {
          const span = (x.rowspan ? ` rowspan="${x.rowspan}"` : '') + (x.colspan ? ` colspan="${x.colspan}"` : '');
          return `<td${span} style="border:1px solid #000;text-align:center"><p style="text-align:center"><span style="font-family:宋体;font-size:14px">${esc(x.text)}</span></p></td>`;
        })
        .join('') +
      '</tr>',
  );
  return `<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:600px"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Scraped-text rendition: each HTML row's cells once, in order, joined by the separator. */
export function gridToText(grid: Grid, sep: ' | ' | '\t'): string {
  return grid.map((row) => row.map((x) => x.text).join(sep)).join('\n');
}

/** The body of a template report as an ordered list of blocks (headings, paragraphs, tables). */
export type BodyBlock = { kind: 'h' | 'p'; text: string } | { kind: 'table'; grid: Grid };

export function portalPage(opts: {
  title: string;
  agency: Agency;
  published: string;
  body: BodyBlock[];
  charset: 'utf-8' | 'gb2312';
}): string {
  const { title, agency, published, body, charset } = opts;
  const content = body
    .map((b) =>
      b.kind === 'table'
        ? `<div style="text-align:center">${gridToHtml(b.grid)}</div>`
        : b.kind === 'h'
          ? `<p style="text-indent:2em"><strong>${esc(b.text)}</strong></p>`
          : `<p style="text-indent:2em">${esc(b.text)}</p>`,
    )
    .join('\n');
  const site = `${agency.region}人民政府`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${esc(title)}_${esc(site)}</title>
<meta name="SiteName" content="${esc(site)}" />
<meta name="ColumnName" content="政府信息公开年报" />
<meta name="ArticleTitle" content="${esc(title)}" />
<meta name="PubDate" content="${published} 09:30" />
<link rel="stylesheet" href="/images/style.css" type="text/css" />
<script type="text/javascript" src="/js/jquery-1.11.3.min.js"></script>
</head>
<body>
<div class="top"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString())</script></span>
<a href="/">首页</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="/jtbb/">简体</a>/<a href="/fanti/">繁体</a> | <a href="/login/">登录</a> <a href="/reg/">注册</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="${esc(site)}" /></div>
<div class="search"><input type="text" placeholder="请输入关键字" /><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进${esc(agency.region)}</a></li></ul></div>
<div class="w1200 position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; <a href="/zwgk/zfxxgk/ndbg/">政府信息公开年报</a></div>
<div class="w1200 article">
<h1 class="article-title">${esc(title)}</h1>
<div class="article-info">发布时间：${published}&nbsp;&nbsp;来源：${esc(agency.agency)}&nbsp;&nbsp;浏览次数：<span id="hits"></span>&nbsp;&nbsp;字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div class="TRS_Editor" id="zoom">
${content}
</div>
<div class="article-tools"><div class="share">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">新浪微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="qrcode"><div id="qrcode"></div><p>扫一扫在手机打开当前页</p></div>
<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a> <a href="#top">【返回顶部】</a></div>
<div class="related"><h3>相关链接</h3><ul>
<li><a href="/zwgk/zfxxgk/zfxxgkzn/">${esc(site)}政府信息公开指南</a></li>
<li><a href="/zwgk/zfgzbg/">政府工作报告</a></li>
<li><a href="/zwgk/czyjs/">财政预决算</a></li></ul></div>
</div>
<div class="footer"><div class="w1200"><p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
<p>主办单位：${esc(site)}办公室&nbsp;&nbsp;承办单位：${esc(agency.region)}政务服务和数字化建设管理局</p>
<p>网站标识码：${agency.code}0001&nbsp;&nbsp;ICP备案号：ICP备05001234号&nbsp;&nbsp;公网安备 ${agency.code}02000123号</p>
<p><a href="https://zfwzzc.www.gov.cn/"><img src="/images/jiucuo.png" alt="政府网站找错" /></a></p></div></div>
<script type="text/javascript">var _hmt = _hmt || [];(function(){var hm=document.createElement("script");hm.src="/js/stat.js";document.body.appendChild(hm);})();</script>
</body>
</html>
`;
}

/** Plain-text rendition of the same blocks, as text scraped from the page. */
export function textPage(opts: { title: string; published: string; body: BodyBlock[]; sep: ' | ' | '\t' }): string {
  const lines = [
    '您当前的位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报',
    opts.title,
    `发布时间：${opts.published}    浏览次数：`,
    '',
  ];
  for (const b of opts.body) lines.push(b.kind === 'table' ? gridToText(b.grid, opts.sep) : b.text);
  lines.push('', '扫一扫在手机打开当前页', '【打印本页】 【关闭窗口】');
  return lines.join('\n') + '\n';
}
