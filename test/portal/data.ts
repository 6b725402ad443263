// The sample portal, as data: columns of three CMS families, their items (annual reports and the
// look-alikes real columns mix in), and the hostile corners every real portal has somewhere.
// The server renders this with each family's own markup; tests read the expectations from here.

export type Family = 'trs0' | 'trs1' | 'hanweb' | 'jslist' | 'hanweb-page' | 'xxgk' | 'jpaas' | 'gkmlpt' | 'truecms';
export type Encoding = 'gbk-meta' | 'gbk-bare' | 'utf8';
/** How the portal misbehaves for one URL (once per server instance). */
export type Quirk = 'flaky503' | 'retry429' | 'redirect-chain' | 'gone';

export interface Item {
  title: string;
  date: string;
  /** Path of the detail page (or the attachment itself when `direct`). */
  path: string;
  report: boolean;
  /** Attachment on the detail page: its link path and the fixture file served there. */
  attachment?: { path: string; file: string; label: string; via?: 'downfile' };
  /** The list links straight to the attachment (no detail page). */
  direct?: { file: string };
  quirk?: Quirk;
  /** Disallowed by robots.txt: must never be fetched. */
  disallowed?: boolean;
  /** The list shows the title cut short with no title attribute: only the page itself tells. */
  truncated?: boolean;
  /** What the list shows instead of the title (e.g. only the agency's name). */
  listText?: string;
}

/** Items whose list entry does not say what they are: the crawler must open them to know. */
export function ambiguousInList(item: Item): boolean {
  return item.truncated === true || item.listText !== undefined;
}

export interface Column {
  family: Family;
  /** Folder of the column; its first page is `${base}index.html`. */
  base: string;
  name: string;
  encoding: Encoding;
  perPage: number;
  items: Item[];
  /** Hanweb only: column and site ids embedded in the page's nextgroup link. */
  hanweb?: { columnid: string; unitid: string; webid: string };
  /** The column's side menu links the portal's hostile corners (HOSTILE). */
  hostileMenu?: boolean;
  /** Everything under the column (lists, pages, attachments) sits behind a 瑞数-style 412 challenge. */
  challenge?: 'ruishu';
  /** hanweb-page: the most records its dataproxy.jsp returns per page, whatever perpage asks. */
  ceiling?: number;
  /** xxgk: the area whose catalogue search.jsp returns, and the column's info type. */
  xxgk?: { area: string; infotypeId: string; jdid: string };
  /** jpaas: the ids in the list unit's queryData. */
  jpaas?: { webId: string; pageId: string; tplSetId: string };
  /** gkmlpt: the platform's site id and the 年报 column's id. */
  gkmlpt?: { sid: string; column: string };
  /** truecms: the column id its getMessage.do call names. */
  truecms?: { columnId: string };
  /** Entries the platform returns alongside the column's (other columns of a catalogue): never to be fetched. */
  foreign?: Item[];
}

const T = '/zwgk/zfxxgk/zfxxgknb/';

export const COLUMNS: Column[] = [
  {
    family: 'trs0',
    base: T,
    name: '政府信息公开年报',
    encoding: 'gbk-meta',
    hostileMenu: true,
    perPage: 4,
    items: [
      { title: '平潭综合实验区2023年政府信息公开工作年度报告', date: '2024-01-26', path: `${T}202401/t20240126_6301.html`, report: true,
        attachment: { path: `${T}202401/P020240126583012345678.pdf`, file: 'report-2020.pdf', label: '平潭综合实验区2023年政府信息公开工作年度报告.pdf' } },
      { title: '平潭综合实验区2024年政府工作报告', date: '2024-01-20', path: `${T}202401/t20240120_6290.html`, report: false },
      { title: '平潭综合实验区2022年政府信息公开工作年度报告', date: '2023-01-30', path: `${T}202301/t20230130_5120.html`, report: true,
        attachment: { path: `${T}202301/P020230130601234567890.docx`, file: 'report-2022.docx', label: '附件下载' } },
      { title: '平潭综合实验区2023年部门预算公开', date: '2023-01-18', path: `${T}202301/t20230118_5101.html`, report: false },
      // page 2 (index_1.html, GBK without any charset declaration on the 0-based TRS family)
      { title: '平潭综合实验区2021年政府信息公开工作年度报告', date: '2022-01-28', path: `${T}202201/t20220128_4011.html`, report: true, quirk: 'redirect-chain' },
      { title: '平潭综合实验区政府信息公开指南', date: '2021-12-01', path: `${T}202112/t20211201_3999.html`, report: false },
      { title: '平潭综合实验区2020年政府信息公开工作年度报告.pdf', date: '2021-01-29', path: `${T}202101/P020210129390112233445.pdf`, report: true, direct: { file: 'report-2020.pdf' } },
      { title: '平潭综合实验区2019年政府信息公开工作年度报告', date: '2020-01-31', path: `${T}202001/t20200131_2601.html`, report: true, quirk: 'flaky503' },
      // page 3 (index_2.html)
      { title: '平潭综合实验区2018年政府信息公开工作年度报告', date: '2019-03-28', path: `${T}201903/t20190328_1802.html`, report: true, quirk: 'retry429' },
      { title: '平潭综合实验区2019年政务公开工作要点', date: '2019-03-02', path: `${T}201903/t20190302_1790.html`, report: false },
      { title: '2018年政务公开工作要点落实情况', date: '2019-02-20', path: `${T}201902/t20190220_1750.html`, report: false },
      { title: '平潭综合实验区2016年政府信息公开工作年度报告', date: '2017-03-30', path: `${T}internal/t20170330_900.html`, report: true, disallowed: true },
      // page 4 (index_3.html): a report the portal has since deleted (404, must not be retried)
      { title: '平潭综合实验区2017年政府信息公开工作年度报告', date: '2018-03-29', path: `${T}201803/t20180329_1501.html`, report: true, quirk: 'gone' },
    ],
  },
  {
    family: 'hanweb',
    base: '/col/col1234/',
    name: '部门年报',
    encoding: 'utf8',
    perPage: 2,
    hanweb: { columnid: '1234', unitid: '5678', webid: '9' },
    items: [
      { title: '区财政局2023年政府信息公开工作年度报告', date: '2024-01-15', path: '/art/2024/1/15/art_1234_7001.html', report: true,
        attachment: { path: '/module/download/downfile.jsp?classid=0&filename=4f2a9c.pdf', file: 'report-2020.pdf', label: '区财政局2023年政府信息公开工作年度报告.pdf', via: 'downfile' } },
      { title: '区财政局2023年度部门决算公开', date: '2024-01-12', path: '/art/2024/1/12/art_1234_6990.html', report: false },
      { title: '区教育局2023年政府信息公开工作年度报告', date: '2024-01-10', path: '/art/2024/1/10/art_1234_6985.html', report: true },
      { title: '区卫健委2023年政府信息公开工作年度报告', date: '2024-01-09', path: '/art/2024/1/9/art_1234_6980.html', report: true },
      { title: '关于做好2023年政府信息公开工作年度报告编制和发布工作的通知', date: '2023-12-20', path: '/art/2023/12/20/art_1234_6900.html', report: false },
      { title: '区财政局2022年政府信息公开工作年度报告', date: '2023-01-16', path: '/art/2023/1/16/art_1234_5001.html', report: true },
      // beyond the embedded group: only the dataproxy.jsp XHR returns these
      { title: '区教育局2022年政务公开工作年度报告', date: '2023-01-12', path: '/art/2023/1/12/art_1234_4990.html', report: true },
      { title: '区统计局2022年国民经济和社会发展统计公报', date: '2023-01-11', path: '/art/2023/1/11/art_1234_4980.html', report: false },
      { title: '区卫健委二〇二一年度政府信息公开工作报告', date: '2022-01-20', path: '/art/2022/1/20/art_1234_3001.html', report: true },
      { title: '区民政局2021年政府信息公开工作年度报告', listText: '区民政局', date: '2022-01-18', path: '/art/2022/1/18/art_1234_2990.html', report: true },
      { title: '区民政局2021年度工作总结和2022年工作计划', listText: '区民政局工作总结', date: '2022-01-16', path: '/art/2022/1/16/art_1234_2980.html', report: false },
    ],
  },
  {
    family: 'trs1',
    base: '/xxgk/ndbg/',
    name: '年度报告',
    encoding: 'gbk-meta',
    perPage: 2,
    items: [
      { title: '金井镇2023年政府信息公开工作年度报告', date: '2024-01-22', path: '/xxgk/ndbg/202401/t20240122_801.html', report: true },
      { title: '金井镇2024年工作要点', date: '2024-01-05', path: '/xxgk/ndbg/202401/t20240105_790.html', report: false },
      // page 2 is index_2.html on this 1-based variant (index_1.html does not exist)
      { title: '金井镇2022年政府信息公开工作年度报告', date: '2023-01-19', path: '/xxgk/ndbg/202301/t20230119_650.html', report: true },
      { title: '金井镇人民政府2021年度政府信息公开工作年度报告', date: '2022-01-26', path: '/xxgk/ndbg/202201/t20220126_512.html', report: true, truncated: true },
      // page 3 (index_3.html)
      { title: '金井镇2021年政府信息公开工作情况统计分析和下一步工作安排', date: '2022-01-10', path: '/xxgk/ndbg/202201/t20220110_500.html', report: false, truncated: true },
    ],
  },
  {
    family: 'jslist',
    base: '/jsnb/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 2, // page 2 exists only after a click on the script-built 下一页 button
    items: [
      { title: '苏澳镇2023年政府信息公开工作年度报告', date: '2024-01-25', path: '/jsnb/202401/t20240125_77.html', report: true },
      { title: '苏澳镇2023年政府工作报告', date: '2024-01-18', path: '/jsnb/202401/t20240118_70.html', report: false },
      { title: '苏澳镇2022年政府信息公开工作年度报告', date: '2023-01-25', path: '/jsnb/202301/t20230125_55.html', report: true },
    ],
  },
  {
    family: 'trs0',
    base: '/rsnb/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 10,
    challenge: 'ruishu',
    items: [
      { title: '流水镇2023年政府信息公开工作年度报告', date: '2024-01-29', path: '/rsnb/202401/t20240129_31.html', report: true,
        attachment: { path: '/rsnb/202401/P020240129311.pdf', file: 'report-2020.pdf', label: '流水镇2023年政府信息公开工作年度报告.pdf' } },
      { title: '流水镇2023年度财政预算执行情况', date: '2024-01-10', path: '/rsnb/202401/t20240110_29.html', report: false },
    ],
  },
  // Four more CMS families, each on its own paging mechanism (crawler/adapters/).
  {
    // Older 大汉 jpage: /module/jpage/dataproxy.jsp honours only page=N, and answers at most 4 records
    // per page although the column displays 6.
    family: 'hanweb-page',
    base: '/col/col2345/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 6,
    ceiling: 4,
    hanweb: { columnid: '2345', unitid: '6789', webid: '3' },
    items: [
      ...[2023, 2022, 2021, 2020].flatMap((y, i) => [
        { title: `金乡县发展和改革局${y}年政府信息公开工作年度报告`, date: `${y + 1}-01-2${i}`, path: `/art/${y + 1}/1/2${i}/art_2345_${900 - i * 10}.html`, report: true },
        { title: `金乡县教育和体育局${y}年政府信息公开工作年度报告`, date: `${y + 1}-01-1${i}`, path: `/art/${y + 1}/1/1${i}/art_2345_${899 - i * 10}.html`, report: true },
      ]),
      { title: '金乡县2023年部门预算公开说明', date: '2023-02-10', path: '/art/2023/2/10/art_2345_850.html', report: false },
      { title: '金乡县人民政府2019年政府信息公开工作年度报告', date: '2020-01-31', path: '/art/2020/1/31/art_2345_840.html', report: true },
      { title: '金乡县2019年政务公开工作要点', date: '2019-04-02', path: '/art/2019/4/2/art_2345_830.html', report: false },
      { title: '金乡县人民政府2018年政府信息公开工作年度报告', date: '2019-03-29', path: '/art/2019/3/29/art_2345_820.html', report: true },
      { title: '金乡县人民政府2017年政府信息公开工作年度报告', date: '2018-03-30', path: '/art/2018/3/30/art_2345_810.html', report: true },
      { title: '金乡县人民政府2016年政府信息公开工作年度报告', date: '2017-03-30', path: '/art/2017/3/30/art_2345_800.html', report: true },
      { title: '关于报送2016年政府信息公开工作年度报告的通知', date: '2017-01-05', path: '/art/2017/1/5/art_2345_790.html', report: false },
    ],
  },
  {
    // Hanweb 信息公开 module: search.jsp returns the whole area's catalogue, three entries a page,
    // other columns' documents (foreign) mixed in.
    family: 'xxgk',
    base: '/col/col1229505/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 3,
    hanweb: { columnid: '1229505', unitid: '0', webid: '1' },
    xxgk: { area: '002489310', infotypeId: 'WZLC0107', jdid: '3163' },
    items: [
      { title: '鹿城区2023年政府信息公开工作年度报告', date: '2024-01-18', path: '/art/2024/1/18/art_1229505_59001.html', report: true },
      { title: '鹿城区2022年政府信息公开工作年度报告', date: '2023-01-17', path: '/art/2023/1/17/art_1229505_48001.html', report: true },
      { title: '鹿城区2022年政务公开工作要点落实情况', date: '2023-01-05', path: '/art/2023/1/5/art_1229505_47901.html', report: false },
      { title: '鹿城区2021年政府信息公开工作年度报告', date: '2022-01-20', path: '/art/2022/1/20/art_1229505_37001.html', report: true },
    ],
    foreign: [
      { title: '鹿城区发展和改革局2023年政府信息公开工作年度报告', date: '2024-01-17', path: '/art/2024/1/17/art_1229511_58990.html', report: true },
      { title: '鹿城区民政局2022年政府信息公开工作年度报告', date: '2023-01-16', path: '/art/2023/1/16/art_1229512_47990.html', report: true },
      { title: '鹿城区2023年国民经济和社会发展统计公报', date: '2023-03-01', path: '/art/2023/3/1/art_1229498_47500.html', report: false },
      { title: '鹿城区教育局2021年政府信息公开工作年度报告', date: '2022-01-19', path: '/art/2022/1/19/art_1229513_36990.html', report: true },
      { title: '鹿城区卫生健康局2021年政府信息公开工作年度报告', date: '2022-01-18', path: '/art/2022/1/18/art_1229514_36980.html', report: true },
    ],
  },
  {
    // Hanweb jpaas: the column's list unit is built by build/unit, three entries a page.
    family: 'jpaas',
    base: '/col/col1229608862/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 3,
    jpaas: { webId: '3f5b2c', pageId: '1229608862', tplSetId: 'a8dc01' },
    items: [
      { title: '黄岩区2023年政府信息公开工作年度报告', date: '2024-01-22', path: '/art/2024/1/22/art_1229608862_3001.html', report: true },
      { title: '黄岩区2024年政府工作报告', date: '2024-01-15', path: '/art/2024/1/15/art_1229608862_2990.html', report: false },
      { title: '黄岩区2022年政府信息公开工作年度报告', date: '2023-01-20', path: '/art/2023/1/20/art_1229608862_2501.html', report: true },
      { title: '黄岩区2021年政府信息公开工作年度报告', date: '2022-01-21', path: '/art/2022/1/21/art_1229608862_2001.html', report: true },
      { title: '黄岩区2022年财政决算公开', date: '2022-08-21', path: '/art/2022/8/21/art_1229608862_1990.html', report: false },
      { title: '黄岩区2020年政府信息公开工作年度报告', date: '2021-01-26', path: '/art/2021/1/26/art_1229608862_1501.html', report: true },
      { title: '黄岩区2019年政府信息公开工作年度报告', date: '2020-01-23', path: '/art/2020/1/23/art_1229608862_1001.html', report: true },
    ],
  },
  {
    // Guangdong gkmlpt: a script shell; the 年报 column's list is /gkmlpt/api/all/2821, two per page.
    family: 'gkmlpt',
    base: '/gkmlpt/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 2,
    gkmlpt: { sid: '755034', column: '2821' },
    items: [
      { title: '深圳市龙华区2023年政府信息公开工作年度报告', date: '2024-01-30', path: '/gkmlpt/content/11/11103/post_11103456.html', report: true },
      { title: '深圳市龙华区民政局2023年政府信息公开工作年度报告', date: '2024-01-25', path: '/gkmlpt/content/11/11100/post_11100321.html', report: true },
      { title: '深圳市龙华区2023年政府信息公开工作年度报告解读', date: '2024-01-30', path: '/gkmlpt/content/11/11103/post_11103460.html', report: false },
      { title: '深圳市龙华区2022年政府信息公开工作年度报告', date: '2023-01-31', path: '/gkmlpt/content/10/10401/post_10401234.html', report: true },
      { title: '深圳市龙华区2021年政府信息公开工作年度报告', date: '2022-01-28', path: '/gkmlpt/content/9/9501/post_9501122.html', report: true },
    ],
    foreign: [{ title: '深圳市龙华区政府信息公开指南', date: '2023-06-01', path: '/gkmlpt/content/10/10800/post_10800001.html', report: false }],
  },
  {
    // TrueCMS: getMessage.do answers JSONP, 404s without a Referer and answers nothing above 20 a page.
    family: 'truecms',
    base: '/rgsrmzf/zfxxgknb/',
    name: '政府信息公开年报',
    encoding: 'utf8',
    perPage: 3,
    ceiling: 20,
    truecms: { columnId: '9b3e5a21d0c94f6f8a' },
    items: [
      { title: '如皋市2023年政府信息公开工作年度报告', date: '2024-01-26', path: '/rgsrmzf/zfxxgknb/202401/c1f0a2b3.shtml', report: true },
      { title: '如皋市人民政府2024年政府工作报告', date: '2024-01-12', path: '/rgsrmzf/zfxxgknb/202401/c1f0a2a9.shtml', report: false },
      { title: '如皋市2022年政府信息公开工作年度报告', date: '2023-01-30', path: '/rgsrmzf/zfxxgknb/202301/b7e9d4c2.shtml', report: true },
      { title: '如皋市2021年政府信息公开工作年度报告', date: '2022-01-27', path: '/rgsrmzf/zfxxgknb/202201/a5c3e1f0.shtml', report: true },
      { title: '如皋市2021年度部门预算', date: '2021-03-01', path: '/rgsrmzf/zfxxgknb/202103/a0b1c2d3.shtml', report: false },
      { title: '如皋市2020年政府信息公开工作年度报告', date: '2021-01-29', path: '/rgsrmzf/zfxxgknb/202101/9f8e7d6c.shtml', report: true },
      { title: '如皋市2019年政府信息公开工作年度报告', date: '2020-01-31', path: '/rgsrmzf/zfxxgknb/202001/8e7d6c5b.shtml', report: true },
    ],
  },
];

/** Pages reachable from the TRS column's side menu: faults and traps. */
export const HOSTILE = {
  calendar: `${T}calendar/`,
  slow: `${T}slow/`,
  huge: `${T}huge/`,
  loop: `${T}loop/a`,
  soft404: `${T}old/`,
  disallowedColumn: `${T}internal/`,
};

export const ROBOTS_TXT = `# 平潭综合实验区门户网站
User-agent: *
Disallow: ${T}internal/
Disallow: /search/

User-agent: BadBot
Disallow: /
`;

export function columnOf(family: Family): Column {
  const c = COLUMNS.find((x) => x.family === family);
  if (!c) throw new Error(family);
  return c;
}

/** The report documents a complete crawl of a column must find: detail pages, attachments, direct files. */
export function expectedReportPaths(col: Column): string[] {
  const out: string[] = [];
  for (const it of col.items) {
    if (!it.report || it.disallowed || it.quirk === 'gone') continue;
    out.push(it.path);
    if (it.attachment) out.push(it.attachment.path);
  }
  return out;
}
