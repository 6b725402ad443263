// Portal chrome: the text every government portal wraps around an article. Kept as data so a new
// portal family is a new line here, not new code. Used by html.ts (to drop elements) and text.ts
// (to drop lines of scraped text).

/**
 * A line/element whose text (whitespace removed) matches one of these is chrome. Prefix patterns
 * demand the colon or the whole line, so that report sentences beginning with the same words
 * (主办了培训班2期, 相关信息已公开, 分享经验) survive.
 */
export const CHROME_LINE_PATTERNS: RegExp[] = [
  /^(您|你)?当前(的)?位置[:：]/, // breadcrumb
  /^首页[>＞»/]/,
  /^扫一扫在手机(上)?(打开|查看)(当前页|此页|本页)?$/,
  /^(用)?手机扫(一扫|码)(阅读|打开|查看)?(当前页|此页|本页)?$/,
  /^(【?(返回顶部|回到顶部|打印本页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|我要纠错|纠错|保存本页)】?)+$/,
  /^[【\[]?(字号|字体)[:：]?([【\[]?(大|中|小|默认|超大|T)[】\]]?)*[】\]]?$/,
  /^[【\[]?(大|中|小)(大|中|小)?(大|中|小)?[】\]]?$/,
  /^分享(到)?[:：]?(微信|微博|QQ空间|QQ好友|新浪微博|腾讯微博|人人网|豆瓣|[|｜/])*$/,
  /^(微信|微博|QQ空间|QQ好友|新浪微博|腾讯微博|人人网|豆瓣)$/,
  /^(关联稿件|相关链接|相关文章|相关阅读|相关新闻|相关稿件|推荐阅读)([:：].*)?$/,
  /^(主办单位|主办|承办单位|承办|协办单位|技术支持|运维单位|维护单位|网站维护|建设维护)[:：]/,
  /^((联系我们|网站地图|网站声明|隐私声明|使用帮助|关于我们|设为首页|加入收藏|网站纠错)[|｜·]*)+$/,
  /(ICP备|ICP证|公网安备|网安备)\d/,
  /^网站标识码/,
  /^(版权所有|Copyright|©)/i,
  /^(登录|注册|登录注册|无障碍(浏览)?|长者模式|关怀版|繁體|简体|English|手机版|移动版)$/i,
  /^(浏览次数|点击数|点击量|访问量|阅读次数|浏览量)[:：]?\d*$/,
  /^(来源|撰稿|校对|一审|二审|三审|责任编辑|编辑|审核)[:：]$/,
  /^(上一篇|下一篇)[:：]/,
  // Link-group captions of portal footers. Not 政府网站 alone: that is a row label of the channel tables.
  /^(部门街镇|市政府部门网站|区县政府网站|新闻媒体网站|友情链接|中央政府网站|省政府网站|各地政府网站)[:：]?$/,
  /^欢迎(访问|来到).{0,30}$/,
  /^(请输入(关键字|关键词|搜索内容)|搜索|站内搜索|高级搜索)$/,
  /^(上一页|下一页|首页|尾页|末页)$/,
  /^[-—|·•]+$/,
];

/** True when a trimmed line or element text is portal chrome rather than report content. */
export function isChromeLine(text: string): boolean {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  if (!t) return true;
  return CHROME_LINE_PATTERNS.some((re) => re.test(t));
}

/** Elements that never hold report content. */
export const CHROME_TAGS = ['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'select', 'button', 'input', 'textarea', 'svg', 'canvas', 'link', 'meta', 'map'];

/**
 * id/class fragments of chrome containers (not "print": many portals wrap the article itself in
 * #printContent so the print button prints it) on TRS, Hanweb, UCAP and hand-made portals. Matched as a
 * substring of the lower-cased id or class attribute of an element that does NOT contain a table.
 */
export const CHROME_ATTR_FRAGMENTS = [
  'nav', 'menu', 'header', 'footer', 'topbar', 'top-bar', 'toolbar', 'breadcrumb', 'crumb', 'location', 'position', 'dqwz',
  'share', 'bdshare', 'jiathis', 'qrcode', 'erweima', 'ewm', 'related', 'relate', 'xgxx', 'xglj', 'gjgj',
  'copyright', 'banquan', 'search', 'sidebar', 'side-bar', 'friendlink', 'yqlj', 'links', 'login', 'fontsize', 'font-size',
  'zihao', 'fenxiang', 'pagination', 'pager', 'page-nav', 'backtop', 'gotop', 'go-top', 'comment', 'tools', 'sitemap',
];

/** ARIA roles of page furniture. */
export const CHROME_ROLES = ['navigation', 'banner', 'contentinfo', 'search', 'complementary'];

/** Known article containers, best first. The first that exists with real text wins. */
export const CONTENT_SELECTORS = [
  '.TRS_Editor', '.trs_editor', '.TRS_UEDITOR', '#UCAP-CONTENT', '#ivs_content', '#webeditorview', '.webeditorview',
  '#zoom', '#Zoom', '.zoom', '.Custom_UnionStyle',
  '.article-content', '.article_content', '.articleContent', '#articleContent', '#article_content', '.article-cont',
  '.pages_content', '.wzy_nr', '#content_text', '.content_text', '.content-detail', '.zw-content',
  '#con_text', '.con_text', '#info_content', '.info_content', '.xxgk_content', '#xxgk_content', '.zw', '#zw',
  '.detail-content', '.detail_content', '.news_content', '#news_content', '.main-txt', '.article-body', '#article',
  '.view', '.TRS_PreAppend',
];

/** <title> suffixes/prefixes naming the site rather than the article. */
export const TITLE_SITE_SUFFIX = /\s*(?:[_|｜\-—–]+|&nbsp;)\s*[^_|｜\-—–]*(人民政府|政府网|门户网站|政务网|网站|办公室|委员会|局|厅)[^_|｜\-—–]*$/;
