import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../extract/document.ts';
import { metricDefs } from './dictionary.ts';
import { extractProse } from './prose.ts';
import { PHRASE_RULES, STAT_ROWS } from './prose-patterns.ts';

/** A report as the text extractor delivers it: one paragraph per line. */
function doc(text: string, extra: Block[] = []): Document {
  const blocks: Block[] = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph' as const, text: t }));
  return { blocks: [...blocks, ...extra], source: { name: 'test.txt', format: 'text' }, warnings: [] };
}

function metrics(text: string, extra: Block[] = []): Record<string, number> {
  return Object.fromEntries(extractProse(doc(text, extra), 'pre2019').map((d) => [d.key, d.value]));
}

function detail(text: string, key: string) {
  return extractProse(doc(text), 'pre2019').find((d) => d.key === key);
}

describe('主动公开 sentences', () => {
  it('reads the total and the channels, not the sub-scopes', () => {
    const m = metrics(`三、主动公开政府信息情况
全市主动公开政府信息8535条，其中，市政府各部门公开5517条，占64.64%；各乡镇街道公开信息1596条，占18.7%。
在公开渠道方面，政府网站公开政府信息数6089条，政务微博公开政府信息数111条，政务微信公开政府信息数1628条，其他方式公开政府信息数1381条。`);
    expect(m).toEqual({
      'proactive.total': 8535,
      'proactive.channel.website': 6089,
      'proactive.channel.weibo': 111,
      'proactive.channel.wechat': 1628,
      'proactive.channel.other': 1381,
    });
  });

  it('reads 万 values and keeps the section total over a later department figure', () => {
    const m = metrics(`二、主动公开政府信息情况
全区主动公开政府信息8.06万条，其中行政系统通过区政府公众信息网主动公开政务动态、政府文件等各类信息7.5万条，主动公开规范性文件56件。
6.切实做好人力社保信息公开。全年主动公开信息 2012条，提供在线咨询解答1500余起。`);
    expect(m['proactive.total']).toBe(80600);
    expect(m['proactive.channel.website']).toBe(75000);
    expect(m['proactive.normative_docs']).toBe(56);
  });

  it('marks 余 numbers approx and reads Chinese numerals', () => {
    const text = `(二)主动公开不断加强
2017年度，区政府通过不同渠道和方式公开政府信息1600余条。其中，通过政务微博公开政府信息 六百余条，通过政务微信公开两千条。`;
    expect(detail(text, 'proactive.total')).toMatchObject({ value: 1600, qualifier: 'approx', unit: 'items', method: 'prose', derived: false });
    expect(detail(text, 'proactive.channel.weibo')).toMatchObject({ value: 600, qualifier: 'approx' });
    expect(detail(text, 'proactive.channel.wechat')).toMatchObject({ value: 2000, qualifier: 'exact' });
  });

  it('does not take a topic column count for the report total', () => {
    const m = metrics(`为做好脱贫攻坚信息公开工作，我市设立脱贫攻坚专栏。2018年，全市共发布信息322条，其中国家级12条。
迄今为止，区政府门户网站发布各种信息7000余条，其中信息公开1900余条。`);
    expect(m['proactive.total']).toBeUndefined();
  });

  it('keeps leaders apart from the totals of 新闻发布会', () => {
    const m = metrics(`在回应解读方面，全市举办新闻发布会5次，其中主要负责同志参加新闻发布会2次，全年共政策解读稿件发布18篇，微博、微信回应事件数20次，其他方式回应事件数1074次；回应公众关注热点或重大舆情7次。`);
    expect(m).toMatchObject({
      'response.press_conferences': 5,
      'response.press_conferences_leaders': 2,
      'response.interpretation_docs': 18,
      'response.weibo_wechat': 20,
      'response.other': 1074,
      'response.public_concerns': 7,
    });
  });
});

describe('依申请公开 sentences', () => {
  it('reads applications, channels and replies, ignoring shares', () => {
    const m = metrics(`四、依申请公开政府信息情况
2018年，全市共收到政府信息公开申请53件，其中，当面申请35件，占66.04%；网上申请15件，占28.3%；信函申请3件，占5.66%。
在政府信息公开申请答复中，属于主动公开范围的2件，占3.77%；同意公开的33件，占62.26%；同意部分公开3件，占5.66%；不同意公开4件，占7.55%；不属于本行政机关公开的2件；申请信息不存在3件；告知作出更改补充6件。`);
    expect(m).toEqual({
      'applications.new.total': 53,
      'applications.channel.in_person': 35,
      'applications.channel.online': 15,
      'applications.channel.letter': 3,
      'reply.already_public': 2,
      'reply.granted': 33,
      'reply.partial': 3,
      'reply.refused': 4,
      'reply.not_this_agency': 2,
      'reply.not_exist': 3,
      'reply.correction': 6,
    });
  });

  it('reads paraphrases of 受理 and 办结, in any era', () => {
    expect(metrics('2017年，全区受理公民、法人和其他组织申请115件，按时办结115件，均已按时答复。')).toEqual({
      'applications.new.total': 115,
      'applications.closed_on_time': 115,
    });
    expect(metrics('2019年，市政府办公室受理政府信息公开申请20件，办结19件，转下年度办理1件。')).toEqual({
      'applications.new.total': 20,
      'applications.closed': 19,
      'applications.carried_forward.total': 1,
    });
    expect(metrics('区本级及区政府各部门共受理申请人依申请公开事项164 件，并已依法予以答复。')).toEqual({
      'applications.new.total': 164,
    });
    expect(metrics('全年共收到政府信息公开申请十二件，延期办结两件。')).toEqual({
      'applications.new.total': 12,
      'applications.closed_extended': 2,
    });
  });

  it('does not count administrative approvals or mailbox letters as applications', () => {
    expect(metrics('全年共受理审批服务事项485318件，办结率99.47%。市长信箱共收件32件，办结30件。')).toEqual({});
  });

  it('states zero applications only when the sentence says so', () => {
    expect(metrics('本年度未收到政府信息公开申请。')).toEqual({ 'applications.new.total': 0 });
  });
});

describe('行政复议和行政诉讼 sentences', () => {
  it('attributes outcomes to the right proceeding', () => {
    const m = metrics(`2、因政府信息公开申请而提起的行政复议情况。2017年，全区因政府信息公开引起的行政复议12件，复议结果为4件维持具体行政行为、1件为依法纠错，7件为不予受理和终止。
3、因政府信息公开申请而提起的行政诉讼情况。2017年，全区因政府信息公开引起行政诉讼6件，其中2 件为维持具体行政行为和驳回原告诉讼请求；2件被判决依法纠错，2件为其他结案方式。`);
    expect(m).toEqual({
      'review.total': 12, 'review.upheld': 4, 'review.corrected': 1, 'review.other': 7,
      'litigation.total': 6, 'litigation.upheld': 2, 'litigation.corrected': 2, 'litigation.other': 2,
    });
  });

  it('reads 其中维持4件、纠错1件', () => {
    expect(metrics('全年发生行政复议12件，其中维持4件、纠错1件。')).toEqual({
      'review.total': 12, 'review.upheld': 4, 'review.corrected': 1,
    });
  });

  it('reads explicit zeros and 均未审结', () => {
    expect(metrics('五、行政复议和诉讼情况\n2018年，我市无政府信息公开事务的行政复议和行政诉讼。')).toEqual({
      'review.total': 0, 'litigation.total': 0,
    });
    expect(metrics('2015年，未发生因政府信息公开被申请行政复议案件。发生行政诉讼4件，均未审结。')).toEqual({
      'review.total': 0, 'litigation.total': 4, 'litigation.pending': 4,
    });
  });

  it('reads 复议和诉讼 zeros without the second 行政', () => {
    expect(metrics('全年未发生因政府信息公开引起的行政复议和诉讼。')).toEqual({ 'review.total': 0, 'litigation.total': 0 });
    expect(metrics('本年度无依申请公开事项。')).toEqual({ 'applications.new.total': 0 });
    expect(metrics('本年度无依申请公开收费情况。')).toEqual({ 'fees.collected': 0 });
  });

  it('leaves review and litigation absent when the report is silent', () => {
    expect(metrics('因依申请公开引起行政复议、行政诉讼数量仍有待减少。')).toEqual({});
  });
});

describe('收费、机构、培训 sentences', () => {
  it('reads organisation, staff and budget in yuan', () => {
    const m = metrics(`四、政府信息公开的收费及减免情况
2017年，我区有政府信息公开工作专门机构1个，设置政府信息公开查阅点3个，从事政府信息公开工作人员93人，其中专职1人、兼职92人。财政拨付政府信息公开专项经费5万元，公民、法人和其他组织获取政府公开信息时没有收取任何费用。`);
    expect(m).toEqual({
      'org.offices': 1, 'org.reading_points': 3, 'org.staff': 93, 'org.staff_full_time': 1,
      'org.staff_part_time': 92, 'org.budget': 50000, 'fees.collected': 0,
    });
  });

  it('reads 未发生…收费及减免 as zero for both', () => {
    expect(metrics('2018年，我市未发生有关政府信息公开事务的收费及减免情况。')).toEqual({
      'fees.collected': 0, 'fees.waived': 0,
    });
  });

  it('never reads an unrelated fee', () => {
    expect(metrics('办理征用林地11宗，面积150.07公顷，收取植被恢复费2642万元。')).toEqual({});
  });

  it('reads meetings, training sessions and attendees', () => {
    expect(metrics('全年召开政务公开工作会议3次，举办政府信息公开业务培训班2期，培训人员约300人次。')).toEqual({
      'training.meetings': 3, 'training.sessions': 2, 'training.attendees': 300,
    });
    expect(metrics('组织各部门相关政务公开人员进行了一次关于政务公开的业务培训。')).toEqual({});
  });
});

describe('phrasings from other portals', () => {
  it('reads quoted categories and the number of replies', () => {
    const m = metrics(`三、政府信息依申请公开情况
本局2017年共受理信息公开申请10件，其中当面申请1宗，占10%；网上申请9宗，占90%。
在已经答复的9件申请中，“同意公开”的7件，占总数的70%。
“不予公开”的1件，占总数的10%。
“非本机关政府信息”的1件，占总数的10%，主要是因为非我局职能范围。
四、政府信息公开收费情况
本局2017年度依申请公开收取的费用（检索费、邮寄费、复制费等）为0元。`);
    expect(m).toEqual({
      'applications.new.total': 10, 'applications.channel.in_person': 1, 'applications.channel.online': 9,
      'reply.total': 9, 'reply.granted': 7, 'reply.refused': 1, 'reply.not_this_agency': 1, 'fees.collected': 0,
    });
  });

  it('takes the year\'s new items, not the running total since the start', () => {
    expect(metrics('二、主动公开政府信息情况\n本区到年底累计主动公开政府信息5928条，全文电子化率达90.3%，其中，本年度新增主动公开政府信息2110条。')).toEqual({
      'proactive.total': 2110,
    });
  });

  it('does not take one channel\'s count for the total', () => {
    expect(metrics('二、主动公开政府信息情况\n通过政府网站主动公开政府信息1234条，通过政务微博主动公开政府信息56条。')).toEqual({
      'proactive.channel.website': 1234, 'proactive.channel.weibo': 56,
    });
  });

  it('reads the channel counts of a 2017 county report, but not 微博微信 together', () => {
    expect(metrics('通过不同渠道和方式公开政府信息情况：政府网站公开信息3698条，微博微信公开信息2148条，政府公报公开信息0条。举办新闻发布会12次，组织政府网站在线访谈0次，发布政策解读稿5篇。')).toEqual({
      'proactive.channel.website': 3698, 'proactive.channel.gazette': 0,
      'response.press_conferences': 12, 'response.interviews': 0, 'response.interpretation_docs': 5,
    });
  });

  it('reads 依申请公开N件 and a heading run into its paragraph', () => {
    expect(metrics('三、依申请公开情况。2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%；通过信函申请172件；通过当面申请24件。')).toEqual({
      'applications.new.total': 1499, 'applications.channel.online': 1303, 'applications.channel.letter': 172,
      'applications.channel.in_person': 24,
    });
  });

  it('reads the older wordings of 2009–2013 reports', () => {
    expect(metrics('二、主动公开政府信息情况\n(一)政府信息公开的内容。2012年1月1日至12月31日，市政府办公室共发布各类主动公开信息96件。')).toEqual({
      'proactive.total': 96,
    });
    expect(metrics('全年共受理群众申请公开政府信息七件，已答复七件。')).toEqual({
      'applications.new.total': 7, 'reply.total': 7,
    });
  });

  it('reads the prose of a 2021 report\'s 总体情况 with run-in subsection headings', () => {
    const m = metrics(`一、总体情况
2021年，湘潭县坚持以公开为常态、不公开为例外，全年主动公开政府信息6842条。
（一）主动公开。全年通过区政府门户网站主动公开政府信息4215条，其中政策文件86条。
（二）依申请公开。全年共收到政府信息公开申请46件，办结44件。
（五）监督保障。组织开展政务公开业务培训3场，培训人员260人次。`);
    expect(m).toEqual({
      'proactive.total': 6842, 'proactive.channel.website': 4215, 'applications.new.total': 46,
      'applications.closed': 44, 'training.sessions': 3, 'training.attendees': 260,
    });
  });

  it('reads a bare 无 under a section as zero for what the heading names', () => {
    expect(metrics('五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n六、政府信息公开的收费及减免情况\n本年度无。')).toEqual({
      'review.total': 0, 'litigation.total': 0, 'fees.collected': 0, 'fees.waived': 0,
    });
    expect(metrics('行政复议和行政诉讼案件均为0。')).toEqual({ 'review.total': 0, 'litigation.total': 0 });
  });

  it('reads consultations only where the section is about them', () => {
    expect(metrics('五、咨询处理情况\n全年共接受公众咨询2345人次，其中现场咨询120人次。')).toEqual({ 'consultations.total': 2345 });
    expect(metrics('二是坚持及时公布行政服务信息。全年共回复市民咨询298件，投诉10件。')).toEqual({});
  });

  it('takes the year\'s share of a running total (截至…累计…，其中2016年主动公开N条)', () => {
    expect(metrics('二、主动公开政府信息情况\n截至2016年底，累计主动公开政府信息35,678条，其中2016年主动公开4,512条。')).toEqual({ 'proactive.total': 4512 });
  });

  it('reads the disclosure office\'s consultations in the 主动公开/依申请 sections, not a hotline\'s', () => {
    expect(metrics('二、主动公开政府信息情况\n2013年，全区主动公开政府信息3,856条。全年接受公众咨询4,210人次。')['consultations.total']).toBe(4210);
    expect(metrics('三、依申请公开政府信息情况\n全年共收到政府信息公开申请27件。全年接受群众现场、电话和网上咨询1200余人次。')['consultations.total']).toBe(1200);
    expect(metrics('二、主动公开政府信息情况\n全年主动公开政府信息512条。12345热线受理群众电话咨询3.2万件。')['consultations.total']).toBeUndefined();
  });
});

describe('old 统计表', () => {
  it('takes the year column, not the running total, and reads 万元 rows in yuan', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'html',
      rows: [
        ['统计指标', '单位', '本年数', '历年累计'],
        ['一、主动公开情况', '', '', ''],
        ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '4210', '30211'],
        ['其中：主动公开规范性文件数', '条', '35', '210'],
        ['2.政府网站公开政府信息数', '条', '3120', '25000'],
        ['三、依申请公开情况', '', '', ''],
        ['（一）收到申请数', '件', '28', '160'],
        ['四、行政复议数量', '件', '2', '9'],
        ['（一）维持具体行政行为数', '件', '1', '5'],
        ['（二）被依法纠错数', '件', '1', '2'],
        ['五、行政诉讼数量', '件', '1', '3'],
        ['（一）维持具体行政行为或者驳回原告诉讼请求数', '件', '1', '2'],
        ['七、依申请公开信息收取的费用', '万元', '0', '0'],
        ['（四）政府信息公开专项经费', '万元', '2.5', '10'],
      ],
    };
    expect(metrics('', [table])).toEqual({
      'proactive.total': 4210, 'proactive.normative_docs': 35, 'proactive.channel.website': 3120,
      'applications.new.total': 28, 'review.total': 2, 'review.upheld': 1, 'review.corrected': 1,
      'litigation.total': 1, 'litigation.upheld': 1, 'fees.collected': 0, 'org.budget': 25000,
    });
  });

  it('records 统计表 values as table facts with their cell', () => {
    const table: Block = {
      kind: 'table', index: 3, origin: 'html',
      rows: [['统计指标', '单位', '本年数', '历年累计'], ['（一）收到申请数', '件', '28', '160']],
    };
    const [detail] = extractProse({ blocks: [table], source: { name: 't.html', format: 'html' }, warnings: [] }, 'pre2019');
    expect(detail).toMatchObject({ key: 'applications.new.total', value: 28, method: 'table', table: 3, column: '本年数' });
  });

  it('reads 本期 columns and labels numbered after 其中', () => {
    const table: Block = {
      kind: 'table', index: 2, origin: 'text',
      rows: [
        ['指标名称', '计量单位', '代码', '本期实际', '本年累计'],
        ['主动公开信息数', '条', '01', '812', '812'],
        ['申请总数', '条', '10', '15', '15'],
        ['其中:1.当面申请数', '条', '11', '5', '5'],
        ['4.网上申请数', '条', '14', '10', '10'],
        ['对申请的答复总数', '条', '17', '15', '15'],
        ['3.否决公开答复总数', '条', '20', '2', '2'],
        ['行政复议数', '件', '32', '0', '0'],
        ['行政诉讼数', '件', '33', '', ''],
      ],
    };
    expect(metrics('', [table])).toEqual({
      'proactive.total': 812, 'applications.new.total': 15, 'applications.channel.in_person': 5,
      'applications.channel.online': 10, 'reply.total': 15, 'reply.refused': 2, 'review.total': 0,
    });
  });

  it('cites the sentence a number came from', () => {
    const d = detail('三、主动公开政府信息情况\n全年主动公开各类政府信息14393条。其中：', 'proactive.total');
    expect(d?.source).toBe('全年主动公开各类政府信息14393条。');
  });
});

describe('the phrase table', () => {
  it('covers every pre2019 key of the dictionary, and only dictionary keys', () => {
    const keys = new Set([...PHRASE_RULES.map((r) => r.key), ...STAT_ROWS.flatMap((r) => (typeof r.key === 'string' ? [r.key] : []))]);
    const pre2019 = metricDefs().filter((d) => d.eras.includes('pre2019')).map((d) => d.key);
    expect(pre2019.filter((k) => !keys.has(k))).toEqual([]);
    const known = new Set(metricDefs().map((d) => d.key));
    expect([...keys].filter((k) => !known.has(k))).toEqual([]);
  });

  it('reads 收费及减免均为0 as two zeros', () => {
    expect(metrics('依申请公开政府信息的收费及减免均为0。')).toEqual({ 'fees.collected': 0, 'fees.waived': 0 });
  });
});

describe('主动公开 and 回应 phrasings of other portals', () => {
  it('reads the leaders\' share after 其中 without a repeated noun', () => {
    const m = metrics(`三、政策解读和回应关切情况
全年共发布政策解读稿件45篇，举办新闻发布会9场，其中县政府主要负责同志参加3次。开展政府网站在线访谈24次，其中主要负责同志参加8次。`);
    expect(m).toMatchObject({
      'response.press_conferences': 9,
      'response.press_conferences_leaders': 3,
      'response.interviews': 24,
      'response.interviews_leaders': 8,
    });
  });

  it('reads a department\'s channels, its 其中 normative documents and a conference it attended', () => {
    const m = metrics(`二、主动公开政府信息情况
2017年，我局主动公开政府信息528条，其中规范性文件6件。通过网站公开信息361条，通过宣传栏、电子显示屏等其他方式公开24条。
参加县政府新闻发布会两次，回应公众关注热点问题5个。`);
    expect(m).toEqual({
      'proactive.total': 528,
      'proactive.normative_docs': 6,
      'proactive.channel.website': 361,
      'proactive.channel.other': 24,
      'response.press_conferences': 2,
      'response.public_concerns': 5,
    });
  });

  it('reads a website column, a weibo with 全年 and a gazette named in book quotes', () => {
    const m = metrics(`二、主动公开政府信息情况
我镇共主动公开政府信息326条，其中通过临安市政府门户网站“乡镇街道”栏目公开198条。
“天河发布”政务微博全年发布信息近4000条。《襄樊市人民政府公报》刊登政府文件等信息186条。`);
    expect(m['proactive.channel.website']).toBe(198);
    expect(m['proactive.channel.weibo']).toBe(4000);
    expect(m['proactive.channel.gazette']).toBe(186);
  });
});

describe('依申请, 收费 and 复议/诉讼 phrasings of 2008–2013 reports', () => {
  it('gives every application to the one channel they all used, and reads 对N件申请均已答复', () => {
    expect(metrics(`三、依申请公开政府信息情况
2014年，我镇共收到政府信息公开申请两件，均为当面申请，均已在规定期限内答复。`)).toEqual({
      'applications.new.total': 2,
      'applications.channel.in_person': 2,
    });
    expect(metrics(`三、依申请公开政府信息情况
街道共受理政府信息公开申请3件，其中当面申请2件、网上申请1件。对3件申请均已答复，其中同意公开2件，不属于本机关公开范围1件。`)).toEqual({
      'applications.new.total': 3,
      'applications.channel.in_person': 2,
      'applications.channel.online': 1,
      'reply.total': 3,
      'reply.granted': 2,
      'reply.not_this_agency': 1,
    });
  });

  it('reads the Shanghai-style 答复 list (“非本机关职责权限范围”, “申请内容不明确”) and N件申请均已答复', () => {
    expect(metrics(`三、依申请公开政府信息情况
2010年，全县共受理政府信息公开申请34件。34件申请均已答复。
在已答复的申请中，“同意公开”的17件；“非本机关职责权限范围”的5件；“信息不存在”的3件；“申请内容不明确”的2件。`)).toEqual({
      'applications.new.total': 34,
      'reply.total': 34,
      'reply.granted': 17,
      'reply.not_this_agency': 5,
      'reply.not_exist': 3,
      'reply.correction': 2,
    });
  });

  it('reads fees listed item by item, and a zero worded around the fee', () => {
    expect(metrics('四、收费及减免情况\n全省各级行政机关在依申请公开政府信息工作中共收取检索、复制、邮寄等费用3.62万元，减免费用1.15万元。')).toEqual({ 'fees.collected': 36200, 'fees.waived': 11500 });
    expect(metrics('四、收费及减免情况\n全区依申请公开政府信息共收取检索费、复制费、邮寄费共计1286元。')).toEqual({ 'fees.collected': 1286 });
    expect(metrics('四、政府信息公开收费及减免情况\n2014年，我镇未收取政府信息公开相关费用。')).toEqual({ 'fees.collected': 0 });
    expect(metrics('四、政府信息公开收费及减免情况\n2013年，全区未收取政府信息公开检索、复制、邮寄等费用。')).toEqual({ 'fees.collected': 0 });
  });

  it('reads outcomes stated for all cases at once, 其他N件 and 尚在审理', () => {
    expect(metrics('五、行政复议和行政诉讼情况\n全市因政府信息公开申请提起行政复议四件，均维持原具体行政行为。提起行政诉讼两件，其中维持具体行政行为一件，尚未审结一件。')).toEqual({
      'review.total': 4, 'review.upheld': 4, 'litigation.total': 2, 'litigation.upheld': 1, 'litigation.pending': 1,
    });
    expect(metrics('五、复议和诉讼情况\n被提起行政复议7件，其中维持5件，纠错1件，其他1件；提起行政诉讼1件，法院判决驳回原告诉讼请求。')).toEqual({
      'review.total': 7, 'review.upheld': 5, 'review.corrected': 1, 'review.other': 1, 'litigation.total': 1, 'litigation.upheld': 1,
    });
    expect(metrics('五、复议和诉讼情况\n提起行政复议十二件，其中维持具体行政行为八件，被依法纠错一件，其他情形一件，尚在审理二件。提起行政诉讼五件，其中二件维持具体行政行为，三件尚在审理中。')).toEqual({
      'review.total': 12, 'review.upheld': 8, 'review.corrected': 1, 'review.other': 1, 'review.pending': 2,
      'litigation.total': 5, 'litigation.upheld': 2, 'litigation.pending': 3,
    });
  });

  it('does not read a refusal reason 其他N件 as a review outcome', () => {
    const m = metrics('三、依申请公开情况\n不同意公开的1,097件（涉及国家秘密的86件，涉及个人隐私的203件，其他767件）。');
    expect(m).toEqual({ 'reply.refused': 1097, 'reply.refused.state_secret': 86, 'reply.refused.privacy': 203 });
  });
});

describe('机构、人员 and 培训 phrasings', () => {
  it('reads staff counted before the noun, offices without 专门, 会议或专题会议 and 参训', () => {
    expect(metrics(`一、概述
我局成立了政府信息公开工作领导小组，明确1名专职人员和3名兼职人员负责信息公开日常工作。全年召开政府信息公开工作会议或专题会议342次，组织开展信息公开业务培训1次，参训干部职工46人次。
全省共有政府信息公开工作机构2,103个，从事政府信息公开工作人员8,736人。`)).toEqual({
      'org.staff_full_time': 1,
      'org.staff_part_time': 3,
      'training.meetings': 342,
      'training.sessions': 1,
      'training.attendees': 46,
      'org.offices': 2103,
      'org.staff': 8736,
    });
  });

  it('reads 配备工作人员3名 and 信息公开工作人员五名', () => {
    expect(metrics('一、概述\n街道明确党政办公室为信息公开工作机构，配备工作人员3名，其中专职1名。')).toEqual({ 'org.staff': 3, 'org.staff_full_time': 1 });
    expect(metrics('一、概述\n全局共有信息公开工作人员五名，均为兼职。')).toEqual({ 'org.staff': 5 });
  });

  it('does not take a per-unit quota for a head count', () => {
    expect(metrics('(九)强化制度建设和机构建设\n加强政府信息公开工作队伍建设，确保各部门明确一名分管领导和一名兼职人员，负责日常工作开展。')).toEqual({});
  });
});

describe('a sentence continuing the one before it', () => {
  it('takes its topic from the earlier sentence of the same paragraph (全年共办结 after 收到申请)', () => {
    const m = metrics(`一、总体情况
依申请公开方面，全区共收到政府信息公开申请2495件。加上上年结转的110件，全年共办结2476件，其中予以公开841件。`);
    expect(m['applications.closed']).toBe(2476);
  });

  it('does not borrow a topic across paragraphs', () => {
    const m = metrics(`一、总体情况
依申请公开方面，全区共收到政府信息公开申请2495件。
全年共办结2476件。`);
    expect(m['applications.closed']).toBeUndefined();
  });
});

describe('统计表 that arrives as lines', () => {
  it('reads "label unit value" lines whose spaces the extractor swallowed', () => {
    const m = metrics(`附件：沭阳县2018年政府信息公开情况统计表
统计指标单位统计数
（一）主动公开政府信息数条 3256
其中：主动公开规范性文件数条 12
其中：主要负责同志参加政府网站在线访谈次数次 8
四、行政复议数量件 7
（一）维持具体行政行为数件 5
五、行政诉讼数量件 4
（一）维持具体行政行为或者驳回原告诉讼请求数件 3
（四）政府信息公开专项经费万元 12.6`);
    expect(m).toEqual({
      'proactive.total': 3256,
      'proactive.normative_docs': 12,
      'response.interviews_leaders': 8,
      'review.total': 7,
      'review.upheld': 5,
      'litigation.total': 4,
      'litigation.upheld': 3,
      'org.budget': 126000,
    });
    expect(detail('（一）主动公开政府信息数条 3256', 'proactive.total')).toMatchObject({ method: 'table', source: '（一）主动公开政府信息数条 3256' });
  });

  it('takes the year\'s column of a line that also prints 历年累计, and the group of a row read as a grid', () => {
    const grid: Block = { kind: 'table', index: 1, rows: [['四、行政复议数量 件', '2', '9'], ['五、行政诉讼数量 件', '1', '4']], origin: 'pdf' };
    const m = metrics(`（一）收到申请数件 27 196
1.当面申请数件 9
（二）被依法纠错数件 0`, [grid]);
    expect(m['applications.new.total']).toBe(27);
    expect(m['applications.channel.in_person']).toBe(9);
    // 五、行政诉讼数量 read from a grid row opens litigation's group for the line after it.
    const doc2 = metrics('', [grid, { kind: 'paragraph', text: '（二）被依法纠错数件 0' }]);
    expect(doc2['litigation.corrected']).toBe(0);
    expect(doc2['review.corrected']).toBeUndefined();
  });

  it('reads one cell per line: label, unit, value — group rows without cells change nothing', () => {
    const m = metrics(`统计指标
单位
统计数
一、主动公开情况
（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）
条
1875
（二）通过不同渠道和方式公开政府信息的情况
1．政府公报公开政府信息数
条
0
四、行政复议数量
件
2
（二）被依法纠错数
件
0
七、依申请公开信息收取的费用
万元
0`);
    expect(m).toEqual({
      'proactive.total': 1875,
      'proactive.channel.gazette': 0,
      'review.total': 2,
      'review.corrected': 0,
      'fees.collected': 0,
    });
  });

  it('reads the same cells when an extractor paired the lines into two-cell rows', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'text',
      rows: [['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', ''], ['条', '1875'], ['（二）通过不同渠道和方式公开政府信息的情况', '1．政府公报公开政府信息数'], ['条', '36']],
    };
    expect(metrics('', [table])).toEqual({ 'proactive.total': 1875, 'proactive.channel.gazette': 36 });
  });

  it('never takes a running-total cell for a blank year cell', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'text',
      rows: [['统计指标', '单位', '2015年', '历年累计'], ['1.政府公报公开政府信息数', '条', '—', '41'], ['2.政府网站公开政府信息数', '条', '', '18204']],
    };
    expect(metrics('', [table])).toEqual({});
  });
});

describe('summary sentences of template reports', () => {
  it('reads 办结政府信息公开申请N件 as the closed count, not the new applications', () => {
    const m = metrics(`一、总体情况
全年办结政府信息公开申请47件。`);
    expect(m['applications.closed']).toBe(47);
    expect(m['applications.new.total']).toBeUndefined();
  });

  it('reads 主动公开政府信息数量为N条 as the proactive total', () => {
    expect(metrics(`一、总体情况
2021年，主动公开政府信息数量为1,508条。`)['proactive.total']).toBe(1508);
  });
});

describe('统计表 grids with the group in its own column', () => {
  it('reads the item from the second column and a group total from the first', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'html',
      rows: [
        ['统计指标', '统计指标', '单位', '统计数'],
        ['一、主动公开情况', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '2156'],
        ['一、主动公开情况', '（二）通过不同渠道和方式公开政府信息的情况：1．政府公报公开政府信息数', '条', '0'],
        ['一、主动公开情况', '2．政府网站公开政府信息数', '条', '1987'],
        ['五、行政诉讼数量', '', '件', '1'],
        ['五、行政诉讼数量', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件', '1'],
        ['五、行政诉讼数量', '（二）被依法纠错数', '件', '0'],
        ['八、机构建设和保障经费情况', '（四）政府信息公开专项经费', '万元', '5'],
      ],
    };
    expect(metrics('', [table])).toEqual({
      'proactive.total': 2156,
      'proactive.channel.gazette': 0,
      'proactive.channel.website': 1987,
      'litigation.total': 1,
      'litigation.upheld': 1,
      'litigation.corrected': 0,
      'org.budget': 50000,
    });
    expect(extractProse(doc('', [table]), 'pre2019').find((d) => d.key === 'proactive.channel.website')).toMatchObject({ row: '2．政府网站公开政府信息数', method: 'table' });
  });
});

describe('phrasings of provincial reports', () => {
  it('reads a portal and a gazette with 全年/出版N期 before the count', () => {
    const m = metrics(`（二）主动公开形式
中国上海门户网站全年发布政府信息5.3万条；《上海市人民政府公报》全年出版24期，刊登政府信息1,216条。`);
    expect(m).toEqual({ 'proactive.channel.website': 53000, 'proactive.channel.gazette': 1216 });
  });

  it('reads a department\'s training, 复议机关维持, and 专兼职 staff as everyone', () => {
    expect(metrics(`一、概述
自治区教育厅明确厅办公室为政府信息公开工作机构，配备专兼职工作人员6名。全年召开政务公开专题会议3次，举办全区教育系统政务公开培训班1期，培训人员120人。
五、行政复议和行政诉讼情况
因政府信息公开申请引起行政复议1件，复议机关维持原答复。`)).toEqual({
      'org.staff': 6,
      'training.meetings': 3,
      'training.sessions': 1,
      'training.attendees': 120,
      'review.total': 1,
      'review.upheld': 1,
    });
  });
});

describe('totals on a disclosure platform and running totals', () => {
  it('takes 在政府信息公开网主动公开 as the total, not a channel', () => {
    expect(metrics('二、主动公开情况\n2015年，本委在凤台县政府信息公开网主动公开政府信息243条，其中机构职能类11条。')).toEqual({ 'proactive.total': 243 });
  });

  it('takes 其中本年度新增 after a running total', () => {
    expect(metrics('二、主动公开政府信息情况\n截至2013年底，我市累计主动公开政府信息45321条，其中本年度新增5210条。')).toEqual({ 'proactive.total': 5210 });
  });

  it('reads a gazette 编印N期 and 落实专兼职人员2名', () => {
    expect(metrics('（二）公开渠道\n编印《眉山市人民政府公报》12期，刊登规范性文件等信息236条。')).toEqual({ 'proactive.channel.gazette': 236 });
    expect(metrics('一、概述\n我镇明确党政办为信息公开工作机构，落实专兼职人员2名。')).toEqual({ 'org.staff': 2 });
  });
});

describe('统计表 comparing two years', () => {
  it('takes the latest year\'s column, wherever it stands', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'html',
      rows: [
        ['统计指标', '单位', '2015年', '2016年', '增减'],
        ['（一）主动公开政府信息数', '条', '2873', '3415', '+542'],
        ['（三）政务微博公开政府信息数', '条', '—', '1020', '—'],
        ['三、行政复议数量', '件', '1', '2', '+1'],
        ['六、政府信息公开专项经费', '万元', '4', '4.5', '+0.5'],
      ],
    };
    expect(metrics('', [table])).toEqual({ 'proactive.total': 3415, 'proactive.channel.weibo': 1020, 'review.total': 2, 'org.budget': 45000 });
  });
});

describe('older wordings: 予以公开, 政报, 未接到举报投诉', () => {
  it('reads them', () => {
    expect(metrics(`三、依申请公开政府信息情况
在已答复的177件申请中，予以公开的121件，部分公开的14件，不予公开的9件。通过《延边政报》公开政府信息342条。全年未接到有关政府信息公开工作的举报投诉。`)).toMatchObject({
      'reply.granted': 121, 'reply.partial': 14, 'reply.refused': 9, 'proactive.channel.gazette': 342, 'complaints.total': 0,
    });
  });
});

describe('leaders and staff in a department report', () => {
  it('counts 区领导 appearances in the total and only 主要领导 as the leaders\' share', () => {
    expect(metrics('二、主动公开政府信息情况\n组织区领导参加在线访谈6次，其中区主要领导参加在线访谈2次。')).toEqual({ 'response.interviews': 6, 'response.interviews_leaders': 2 });
  });

  it('reads 现有工作人员4名，其中专职2名、兼职2名', () => {
    expect(metrics('一、概述\n区政府办公室完善政府信息公开工作机制，现有工作人员4名，其中专职2名、兼职2名。')).toEqual({
      'org.staff': 4, 'org.staff_full_time': 2, 'org.staff_part_time': 2,
    });
  });
});

describe('统计表 indicators listed as "label：value unit；"', () => {
  it('reads them like table rows', () => {
    expect(metrics(`二、政府信息公开主要指标
1.主动公开政府信息数：3,261条；
2.其中主动公开规范性文件数：15条；
8.收到申请数：58件；
10.行政复议数量：2件；
12.政府信息公开专项经费：6.8万元。`)).toEqual({
      'proactive.total': 3261, 'proactive.normative_docs': 15, 'applications.new.total': 58, 'review.total': 2, 'org.budget': 68000,
    });
  });

  it('reads 未减免费用 as zero waived', () => {
    expect(metrics('六、政府信息公开收费及减免情况\n全年未收取政府信息公开费用，未减免费用。')).toEqual({ 'fees.collected': 0, 'fees.waived': 0 });
  });
});

describe('a department\'s one outlet', () => {
  it('takes 我局通过…网站主动公开N条 as the total when nothing else states it', () => {
    expect(metrics('二、主动公开政府信息情况\n2011年，我局通过鄂尔多斯市环境保护局网站主动公开政府信息1,284条，其中环境质量信息365条。')['proactive.total']).toBe(1284);
    expect(metrics('二、主动公开政府信息情况\n我局共主动公开政府信息528条，其中我局通过门户网站主动公开政府信息361条。')['proactive.total']).toBe(528);
  });

  it('takes the year\'s portal figure as the total when nothing else states it (全年在…网站主动公开N条, 我街道通过…)', () => {
    expect(metrics('一、总体情况\n全年在鼓楼区人民政府网站主动公开政府信息482条，其中就业创业政策信息156条。')).toEqual({
      'proactive.total': 482, 'proactive.channel.website': 482,
    });
    expect(metrics('（一）主动公开。全年通过大理市人民政府门户网站主动公开政府信息3,126条，通过“大理发布”政务微信公众号发布信息1,874条。')).toEqual({
      'proactive.total': 3126, 'proactive.channel.website': 3126, 'proactive.channel.wechat': 1874,
    });
    expect(metrics('二、主动公开政府信息情况\n本年度我街道通过区政府门户网站主动公开政府信息126条。')['proactive.total']).toBe(126);
    // The unit by its own name: 市教育局在门户网站…
    expect(metrics('（一）主动公开。2021年，市教育局在门户网站主动公开政府信息2376条，涉及招生考试、学校收费等内容。')['proactive.total']).toBe(2376);
    // A stated total still wins over the portal's share of it.
    expect(metrics('二、主动公开政府信息情况\n全年主动公开政府信息6842条。全年通过区政府门户网站主动公开政府信息4215条。')['proactive.total']).toBe(6842);
  });
});

describe('headings run into their answer after a colon', () => {
  it('reads the answer, in a paragraph or in a heading block', () => {
    expect(metrics('四、政府信息公开的收费及减免情况：本年度未收取任何费用。')).toEqual({ 'fees.collected': 0 });
    expect(metrics('四、政府信息公开收费及减免情况：无。')).toEqual({ 'fees.collected': 0, 'fees.waived': 0 });
    const heading: Block = { kind: 'heading', level: 2, text: '五、因政府信息公开申请提起行政复议、行政诉讼的情况：本年度未发生行政复议和行政诉讼。' };
    expect(extractProse({ blocks: [heading], source: { name: 'x.txt', format: 'text' }, warnings: [] }, 'pre2019').map((d) => [d.key, d.value])).toEqual([
      ['review.total', 0], ['litigation.total', 0],
    ]);
  });
});

describe('short channel wordings and shared counts', () => {
  it('reads 政府公报发布N条 / 其他渠道发布N条 / 回应社会关切N次', () => {
    expect(metrics('二、主动公开政府信息情况\n全年共主动公开政府信息1200条，其中，通过政府网站发布980条，政务微博发布300条，政府公报发布23条，其他渠道发布57条。全年回应社会关切15次。')).toEqual({
      'proactive.total': 1200, 'proactive.channel.website': 980, 'proactive.channel.weibo': 300,
      'proactive.channel.gazette': 23, 'proactive.channel.other': 57, 'response.public_concerns': 15,
    });
  });

  it('gives 行政复议、行政诉讼各1件 to both', () => {
    expect(metrics('五、行政复议和诉讼情况\n因政府信息公开引起的行政复议、行政诉讼各1件。')).toEqual({ 'review.total': 1, 'litigation.total': 1 });
  });
});

describe('corrections by name', () => {
  it('reads 撤销 and 责令重新答复 as corrected, and never as replies', () => {
    expect(metrics('五、行政复议和行政诉讼情况\n因政府信息公开申请引起行政复议二件，维持一件，撤销一件；提起行政诉讼3件，其中责令重新答复1件，驳回原告诉讼请求2件。')).toEqual({
      'review.total': 2, 'review.upheld': 1, 'review.corrected': 1, 'litigation.total': 3, 'litigation.corrected': 1, 'litigation.upheld': 2,
    });
  });
});

describe('the whole before its parts', () => {
  it('prefers the jurisdiction\'s total to a part stated before it', () => {
    expect(metrics('二、主动公开政府信息情况\n2016年，县政府办公室主动公开政府信息312条，县直部门主动公开政府信息2,140条，乡镇主动公开政府信息880条，全县合计主动公开政府信息3,332条。')).toEqual({ 'proactive.total': 3332 });
    expect(metrics('三、依申请公开情况\n县国土资源局受理政府信息公开申请15件，县住建局受理政府信息公开申请8件，全县共受理政府信息公开申请31件。')).toEqual({ 'applications.new.total': 31 });
    expect(metrics('二、主动公开政府信息情况\n县直各部门共主动公开政府信息2140条，各乡镇共主动公开政府信息880条。全县共主动公开政府信息3020条。')).toEqual({ 'proactive.total': 3020 });
  });

  it('still reads a department\'s own count stated with its name', () => {
    expect(metrics('二、主动公开政府信息情况\n2010年，市公安局主动公开政府信息3400条。')).toEqual({ 'proactive.total': 3400 });
  });
});

describe('the balance of applications stated in prose', () => {
  it('reads 上年结转 and 结转下年度 counts (a template report whose table 三 is an image states them only here)', () => {
    const m = metrics(`一、总体情况
全年共收到政府信息公开申请47件，上年结转2件，办结46件，结转下年度继续办理3件。`);
    expect([m['applications.new.total'], m['applications.carried_over.total'], m['applications.closed'], m['applications.carried_forward.total']]).toEqual([47, 2, 46, 3]);
  });
});

describe('回应 channels and training wordings', () => {
  it('gives 微博、微信回应社会关切 to the 微博微信 count and reads 发布政策解读N篇', () => {
    expect(metrics('三、回应解读情况\n全年发布政策解读32篇，通过微博、微信回应社会关切30次，通过其他方式回应事件12次，回应公众关注热点问题8次。')).toEqual({
      'response.interpretation_docs': 32, 'response.weibo_wechat': 30, 'response.other': 12, 'response.public_concerns': 8,
    });
  });

  it('counts trainees as attendees, never as staff, and a 推进会 as a meeting', () => {
    expect(metrics('一、概述\n全年召开政务公开工作推进会2次，举办政务公开培训班3期，培训各级政务公开工作人员260余人。')).toEqual({
      'training.meetings': 2, 'training.sessions': 3, 'training.attendees': 260,
    });
  });
});

describe('the agency\'s own notice board', () => {
  it('counts 通过镇政务公开栏公开N条 as another channel, but not a school\'s 校务公开栏', () => {
    expect(metrics(`二、主动公开政府信息情况
2019年，我镇共主动公开政府信息215条，其中通过县政府门户网站乡镇专栏公开178条，通过镇政务公开栏公开37条。`)['proactive.channel.other']).toBe(37);
    expect(metrics(`二、主动公开政府信息情况
全区各中小学校在校务公开栏公开信息1100余条。`)['proactive.channel.other']).toBeUndefined();
  });
});

describe('a single pending case', () => {
  it('reads 诉讼1件，尚未审结 as that case pending, and 尚未审结1件 as its own count', () => {
    expect(metrics('五、复议诉讼\n提起行政诉讼1件，尚未审结。')).toEqual({ 'litigation.total': 1, 'litigation.pending': 1 });
    expect(metrics('五、复议诉讼\n提起行政诉讼4件，尚未审结1件。')).toEqual({ 'litigation.total': 4, 'litigation.pending': 1 });
  });
});

describe('a named WeChat account', () => {
  it('reads 通过“南海教育”微信公众号公开N条 as the WeChat channel', () => {
    expect(metrics(`一、总体情况
全年共主动公开政府信息417条，其中通过区政府门户网站教育局专栏公开302条，通过“南海教育”微信公众号公开115条。`)['proactive.channel.wechat']).toBe(115);
  });
});

describe('统计表 labels as portals reword them', () => {
  it('reads 通过…公开信息数, 在线访谈次数, 收到政府信息公开申请数', () => {
    const table: Block = {
      kind: 'table', index: 1, origin: 'html',
      rows: [
        ['指标', '单位', '数量'],
        ['通过政府网站公开信息数', '条', '980'],
        ['通过政务微博公开信息数', '条', '120'],
        ['其他渠道公开政府信息数', '条', '33'],
        ['在线访谈次数', '次', '4'],
        ['举办新闻发布会次数', '次', '2'],
        ['收到政府信息公开申请数', '件', '17'],
      ],
    };
    expect(metrics('', [table])).toEqual({
      'proactive.channel.website': 980, 'proactive.channel.weibo': 120, 'proactive.channel.other': 33,
      'response.interviews': 4, 'response.press_conferences': 2, 'applications.new.total': 17,
    });
  });
});

describe('a bare 无 under 依申请公开', () => {
  it('states zero applications', () => {
    expect(metrics('三、依申请公开政府信息情况\n无。\n四、政府信息公开的收费及减免情况\n无。')).toEqual({ 'applications.new.total': 0, 'fees.collected': 0, 'fees.waived': 0 });
  });
});

describe('budget wordings', () => {
  it('reads 政府信息公开工作经费N万元 and Chinese 十二万元', () => {
    expect(metrics('一、概述\n全年安排政府信息公开工作经费5万元。')).toEqual({ 'org.budget': 50000 });
    expect(metrics('一、概述\n财政拨付政府信息公开专项经费十二万元。')).toEqual({ 'org.budget': 120000 });
  });
});

describe('fees named after the disclosure', () => {
  it('reads 收取政府信息公开检索、复制费用35元', () => {
    expect(metrics('四、政府信息公开的收费及减免情况\n全年共收取政府信息公开检索、复制费用35元。')).toEqual({ 'fees.collected': 35 });
  });
});
