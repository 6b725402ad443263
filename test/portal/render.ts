// Markup of the sample portal, family by family, the way the real CMSs print it: portal chrome
// (header, nav, breadcrumbs, share bar, footer), TRS lists with createPageHTML, Hanweb column pages
// with the XML datastore, report detail pages with tables and attachment links.
import type { Column, Item } from './data.ts';
import { HOSTILE } from './data.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function chrome(title: string, body: string, opts: { charset?: string; scripts?: string } = {}): string {
  const meta = opts.charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${opts.charset}">\n` : '';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
${meta}<title>${esc(title)}_平潭综合实验区管理委员会</title>
<meta name="SiteName" content="平潭综合实验区管理委员会"><meta name="ColumnName" content="${esc(title)}">
<link rel="stylesheet" href="/images/style.css">
<script src="/images/jquery.min.js"></script>${opts.scripts ?? ''}
</head><body>
<div class="top"><div class="w1200"><span>欢迎访问平潭综合实验区管理委员会门户网站</span><a href="/">首页</a> | <a href="/wza/">无障碍</a> | <a href="/search/?q=">站内搜索</a></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjpt/">走进平潭</a></li></ul></div>
${body}
<div class="share">分享到：<a href="javascript:void(0)" class="wx">微信</a><a href="javascript:void(0)" class="wb">微博</a><span>扫一扫在手机打开当前页</span></div>
<div class="footer"><p>主办单位：平潭综合实验区管理委员会办公室 <a href="/wzdt/">网站地图</a> <a href="/lxwm/">联系我们</a></p><p>网站标识码：3501280001 闽ICP备12011925号 <a href="#top">返回顶部</a></p></div>
</body></html>`;
}

function sideMenu(col: Column): string {
  if (!col.hostileMenu) return '';
  return `<div class="left-menu"><h3>政府信息公开</h3><ul>
<li><a href="/zwgk/zfxxgk/zfxxgkzn/">政府信息公开指南</a></li>
<li><a href="/zwgk/zfxxgk/zfxxgkzd/">政府信息公开制度</a></li>
<li><a href="/zwgk/zfxxgk/fdzdgknr/">法定主动公开内容</a></li>
<li class="on"><a href="${col.base}">政府信息公开年报</a></li>
<li><a href="${HOSTILE.calendar}?month=202401">政务活动日历</a></li>
<li><a href="${HOSTILE.slow}">专题专栏</a></li>
<li><a href="${HOSTILE.huge}">数据开放</a></li>
<li><a href="${HOSTILE.loop}">历史栏目</a></li>
<li><a href="${HOSTILE.soft404}">旧版年报</a></li>
<li><a href="${HOSTILE.disallowedColumn}">内部资料</a></li>
</ul></div>`;
}

/** Where the list links an item: redirect-chain items go through the old short link. */
export function listHref(item: Item): string {
  if (item.quirk === 'redirect-chain') return item.path.replace(/\/[^/]*\/t\d+_(\d+)\.html$/, '/go/$1');
  return item.path;
}

function li(item: Item): string {
  // TRS lists truncate long titles and keep the full one in the title attribute.
  const shown = item.title.length > 22 ? item.title.slice(0, 21) + '…' : item.title;
  const title = item.truncated ? '' : ` title="${esc(item.title)}"`;
  return `<li><a href="${listHref(item)}"${title} target="_blank">${esc(shown)}</a><span>${item.date}</span></li>`;
}

export function trsListPage(col: Column, pageIndex: number, pageCount: number): string {
  const items = col.items.slice(pageIndex * col.perPage, (pageIndex + 1) * col.perPage);
  const pager =
    col.family === 'trs0'
      ? `<script language="JavaScript">var currentPage = ${pageIndex};//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = ${pageCount}//共多少页
createPageHTML(countPage, currentPage, "index", "html");</script>`
      : `<script type="text/javascript">createPageHTML('page_div', ${pageCount}, ${pageIndex + 1}, 'index', 'html', ${col.items.length});</script>`;
  const body = `<div class="w1200"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <span>${col.name}</span></div>
${sideMenu(col)}<div class="list-right"><h2>${col.name}</h2><ul class="list">${items.map(li).join('\n')}</ul>
<div class="page" id="page_div">${pager}</div></div></div>`;
  return chrome(col.name, body, {
    charset: col.encoding === 'gbk-meta' ? 'gb2312' : undefined,
    scripts: '\n<script src="/images/page.js"></script>',
  });
}

/** A Hanweb record: the list entry as the CMS prints it (some columns show only the agency's name). */
function hanwebRecord(it: Item): string {
  const title = it.listText === undefined ? ` title="${esc(it.title)}"` : '';
  return `<record><![CDATA[\n<li><a href="${it.path}"${title} target="_blank">${esc(it.listText ?? it.title)}</a><span>${it.date}</span></li>\n]]></record>`;
}

export function hanwebColumnPage(col: Column, group: number): string {
  const h = col.hanweb!;
  const records = col.items.slice(0, group).map(hanwebRecord);
  const body = `<div class="main"><div class="bt-position">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col1200/index.html">信息公开</a> &gt; <span>${col.name}</span></div>
<div class="default_pgContainer" id="${h.columnid}">
<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=${h.webid}&path=/&columnid=${h.columnid}&unitid=${h.unitid}&webname=%E5%B9%B3%E6%BD%AD%E5%AE%9E%E9%AA%8C%E5%8C%BA&permissiontype=0"></a>]]></nextgroup>
<recordset>${records.join('\n')}</recordset></datastore></script>
</div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script>$(document).ready(function(){ $('#${h.columnid}').jpage({ dataStore: dataStore, perPage: ${col.perPage}, totalRecord: ${col.items.length}, proxyUrl: '/module/web/jpage/dataproxy.jsp' }); });</script>
</div>`;
  return chrome(col.name, body);
}

export function hanwebProxyAnswer(col: Column, start: number, end: number): string {
  const records = col.items.slice(start - 1, end).map(hanwebRecord);
  return `<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>${col.items.length}</totalrecord><recordset>${records.join('\n')}</recordset></datastore>`;
}

export function jsListShell(col: Column): string {
  // An SPA-style list: items and the pager are built from data.json?page=N; "下一页" is a button with
  // no href, so only clicking it shows page 2.
  const body = `<div class="w1200"><div class="position">当前位置：<a href="/">首页</a> &gt; <span>${col.name}</span></div>
<div id="list-app"><div class="loading">加载中…</div></div><div id="pager"></div></div>
<script>
function load(page) {
  fetch('${col.base}data.json?page=' + page).then(function (r) { return r.json(); }).then(function (d) {
    var ul = document.createElement('ul');
    d.list.forEach(function (it) {
      var li = document.createElement('li'); var a = document.createElement('a');
      a.href = it.url; a.textContent = it.title; a.title = it.title; li.appendChild(a);
      var s = document.createElement('span'); s.textContent = it.date; li.appendChild(s); ul.appendChild(li);
    });
    var app = document.getElementById('list-app'); app.innerHTML = ''; app.appendChild(ul);
    var pager = document.getElementById('pager');
    pager.innerHTML = '<span>第' + d.page + '/' + d.pages + '页</span>';
    if (d.page < d.pages) {
      var next = document.createElement('button'); next.className = 'next'; next.textContent = '下一页';
      next.onclick = function () { load(d.page + 1); }; pager.appendChild(next);
    }
  });
}
load(1);
</script>`;
  return chrome(col.name, body);
}

export function detailPage(item: Item, col: Column): string {
  const year = item.title.match(/(20\d{2})/)?.[1] ?? '';
  const tables = item.report
    ? `<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。</p>
<p><strong>一、总体情况</strong></p><p>${year}年，我区坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1" cellspacing="0"><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>37</td></tr>
</tbody></table>`
    : `<p>${esc(item.title)}全文如下。本文件与政府信息公开工作年度报告无关。</p><p>各乡镇、各部门要认真贯彻落实。</p>`;
  const att = item.attachment ? `<div class="fj">附件：<a href="${item.attachment.path}">${esc(item.attachment.label)}</a></div>` : '';
  const body = `<div class="w1200"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="${col.base}">${col.name}</a> &gt; 正文</div>
<div class="article"><h1>${esc(item.title)}</h1><div class="info">发布时间：${item.date} 来源：区政府办 字号：[ 大 中 小 ]</div>
<div class="TRS_Editor">${tables}</div>${att}
<div class="prev-next"><p>上一篇：<a href="${col.base}">返回列表</a></p></div></div></div>`;
  return chrome(item.title, body, { charset: col.encoding === 'utf8' ? 'utf-8' : col.encoding === 'gbk-meta' ? 'gb2312' : undefined });
}

/** What a 瑞数 (Ruishu) protected host answers first: 412 and an obfuscated `$_ts` script that sets
 * a cookie and reloads the page. Only a real browser gets past it. */
export function ruishuChallenge(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<script type="text/javascript">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84731;$_ts.cd="qhxrrrAlEqGcqqqqqqqqqqq";</script>
<script type="text/javascript">(function(){var t=$_ts.nsd.toString(36);setTimeout(function(){document.cookie='FSSBBIl1UgzbN7N80S='+t+'; path=/';location.reload();},300);})();</script>
</head><body></body></html>`;
}

// ——— Four more CMS families (see data.ts) ———

/** An older 大汉 column: nextgroup points at /module/jpage/dataproxy.jsp?page=1, first display page embedded. */
export function hanwebPagedColumnPage(col: Column): string {
  const h = col.hanweb!;
  const records = col.items.slice(0, col.perPage).map(hanwebRecord);
  const body = `<div class="main"><div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/col/col2300/index.html">政府信息公开</a> &gt; <span>${col.name}</span></div>
<div class="lmlb" id="${h.columnid}">
<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&appid=1&webid=${h.webid}&path=/&columnid=${h.columnid}&unitid=${h.unitid}&webname=%E9%87%91%E4%B9%A1%E5%8E%BF&permissiontype=0"></a>]]></nextgroup>
<recordset>${records.join('\n')}</recordset></datastore></script></div>
<script language="javascript" src="/module/jpage/jpage.js"></script>
<script>$(document).ready(function(){ $('#${h.columnid}').jpage({ dataStore: dataStore, perPage: ${col.perPage}, totalRecord: ${col.items.length}, proxyUrl: '/module/jpage/dataproxy.jsp' }); });</script>
</div>`;
  return chrome(col.name, body);
}

export function hanwebPagedAnswer(col: Column, from: number, count: number): string {
  const records = col.items.slice(from, from + count).map(hanwebRecord);
  return `<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>${col.items.length}</totalrecord><recordset>${records.join('\n')}</recordset></datastore>`;
}

export function xxgkColumnPage(col: Column): string {
  const h = col.hanweb!;
  const x = col.xxgk!;
  const body = `<div class="main"><div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/module/xxgk/tree.jsp?area=${x.area}">信息公开目录</a> &gt; <span>${col.name}</span></div>
<div class="xxgk-right"><div class="bt">${col.name}</div><div id="div${h.columnid}"><div class="loading">正在加载…</div></div></div></div>
<script type="text/javascript" src="/module/xxgk/js/xxgk.js"></script>
<script type="text/javascript">
  var para = { infotypeId: '${x.infotypeId}', jdid: '${x.jdid}', divid: 'div${h.columnid}', area: '${x.area}', sortfield: 'compaltedate:0', currpage: 1 };
  function change(n) { para.currpage = n; $.post('/module/xxgk/search.jsp', para, function (html) { $('#div${h.columnid}').html(html); }); }
  change(1);
</script>`;
  return chrome(col.name, body);
}

/** The catalogue as search.jsp answers it: the column's entries and other columns' interleaved. */
export function xxgkCatalogue(col: Column): Item[] {
  const own = col.items;
  const other = col.foreign ?? [];
  const out: Item[] = [];
  for (let i = 0; i < Math.max(own.length, other.length); i++) {
    if (other[i]) out.push(other[i]);
    if (own[i]) out.push(own[i]);
  }
  return out;
}

export function xxgkAnswer(col: Column, page: number): string {
  const all = xxgkCatalogue(col);
  const pages = Math.ceil(all.length / col.perPage);
  const rows = all
    .slice((page - 1) * col.perPage, page * col.perPage)
    .map((it, i) => `<tr><td>${col.xxgk!.area}/${it.date.slice(0, 4)}-000${i + 1}</td><td><a href="${it.path}" target="_blank" title="${esc(it.title)}">${esc(it.title)}</a></td><td>${it.date}</td></tr>`);
  return `<table class="xxgk_table" width="100%"><tr class="xxgk_title"><td>索引号</td><td>名称</td><td>发布日期</td></tr>
${rows.join('\n')}</table>
<div class="xxgk_page">共${pages}页 第${page}页 ${page > 1 ? `<a href="javascript:change(${page - 1})">上一页</a>` : ''} ${page < pages ? `<a href="javascript:change(${page + 1})">下一页</a>` : ''}</div>`;
}

export function jpaasColumnPage(col: Column): string {
  const j = col.jpaas!;
  const q = esc(JSON.stringify({ webId: j.webId, pageId: j.pageId, tplSetId: j.tplSetId, pageType: 'column', tagId: '当前栏目list', editType: null, pageSize: col.perPage }));
  const body = `<div class="main"><div class="dqwz">当前位置：<a href="/">首页</a> &gt; <span>${col.name}</span></div>
<div class="main-right"><div class="title">${col.name}</div><div class="list-unit" id="ogj1" queryData="${q}"></div></div></div>
<script src="/jpaas-publish-server/static/js/unit-loader.js"></script>`;
  return chrome(col.name, body);
}

export function jpaasUnit(col: Column, pageNo: number, pageSize: number): string {
  const items = col.items.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  const lis = items.map((it) => `<li><a href="${it.path}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a><span>${it.date}</span></li>`);
  const html = `<ul class="list">${lis.join('')}</ul><div class="page"><a href="javascript:void(0)" class="prev">上页</a><span>${pageNo}</span></div>`;
  return JSON.stringify({ success: true, code: 200, data: { html, total: col.items.length } });
}

export function gkmlptShell(col: Column): string {
  const g = col.gkmlpt!;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开_深圳市龙华区人民政府</title>
<script>window._CONFIG = { SID: '${g.sid}', SITE_NAME: '深圳市龙华区人民政府', TREE: ${JSON.stringify([
    { id: 2810, name: '政府信息公开', children: [{ id: 2811, name: '政府信息公开指南', children: [] }, { id: Number(g.column), name: col.name, children: [] }] },
    { id: 2830, name: '政策解读', children: [] },
  ])}, SERVICE_AREA_ID: 440309 };</script></head>
<body><div id="app"><div class="loading">加载中…</div></div>
<script src="/gkmlpt/static/js/app.8c1f.js"></script></body></html>`;
}

export function gkmlptApi(col: Column, items: Item[], page: number): string {
  const articles = items.slice((page - 1) * col.perPage, page * col.perPage).map((it, i) => ({
    id: 11100000 + i,
    identifier: `007543282/${it.date.slice(0, 4)}-0000${i}`,
    publisher: '深圳市龙华区政务服务数据管理局',
    created_at: Math.floor(Date.parse(it.date) / 1000),
    title: it.title,
    url: it.path,
  }));
  return JSON.stringify({ classify: { name: col.name }, articles, total: items.length });
}

export function trueCmsColumnPage(col: Column): string {
  const body = `<div class="main"><div class="dqwz">当前位置：<a href="/">首页</a> &gt; <span>${col.name}</span></div>
<div class="list_con" id="list_con"></div></div>
<script type="text/javascript" src="/js/truecms.list.js"></script>
<script type="text/javascript">
  $('#list_con').truecmsList({ columnId:'${col.truecms!.columnId}', proxyUrl:'/messageController/getMessage.do', perpage:${col.perPage}, template:'<li><a href="{url}" title="{title}">{title}</a><span>{date}</span></li>' });
</script>`;
  return chrome(col.name, body);
}

export function trueCmsAnswer(col: Column, callback: string, start: number, end: number): string {
  const records = col.items.slice(start - 1, end).map(hanwebRecord);
  const result = `<datastore><totalrecord>${col.items.length}</totalrecord><recordset>${records.join('')}</recordset></datastore>`;
  return `${callback}(${JSON.stringify({ result })});`;
}
