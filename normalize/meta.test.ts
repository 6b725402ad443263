import { describe, expect, it } from 'vitest';
import type { Document } from '../extract/document.ts';
import { extractMeta } from './meta.ts';

function doc(text: string, title?: string): Document {
  return {
    title,
    blocks: text.split('\n').map((l) => l.trim()).filter(Boolean).map((t) => ({ kind: 'paragraph' as const, text: t })),
    source: { name: 'report.html', format: 'html' },
    warnings: [],
  };
}

describe('report metadata', () => {
  it('reads a government report: title, year, region, agency, published date', () => {
    const m = extractMeta(doc(`登录 注册
珲春市2018年政府信息公开工作年度报告
发布日期:2019-03-22    点击数:
本报告中所列数据的统计期限自2018年1月1日起,2018年12月31日止。`));
    expect(m).toEqual({
      title: '珲春市2018年政府信息公开工作年度报告',
      year: 2018,
      region: { name: '珲春市', code: '222404' },
      agency: '珲春市人民政府',
      agency_kind: 'government',
      published: '2019-03-22',
    });
  });

  it('reads a department report and skips the breadcrumb', () => {
    const m = extractMeta(doc(`您当前的位置: 首页>政府信息公开>政府信息公开年报>2019>市政府各部门政府信息公开年度报告
牡丹江市人民政府办公室2019年政府信息公开工作年度报告
数据统计时间自2019年1月1日至2019年12月31日。`));
    expect(m).toMatchObject({
      title: '牡丹江市人民政府办公室2019年政府信息公开工作年度报告',
      year: 2019,
      region: { name: '牡丹江市', code: '231000' },
      agency: '牡丹江市人民政府办公室',
      agency_kind: 'department',
    });
  });

  it('gives a county bureau the county\'s code', () => {
    const m = extractMeta(doc('延吉市教育局2017年政府信息公开工作年度报告\n日期:2018-03-01'));
    expect(m).toMatchObject({ region: { code: '222401' }, agency: '延吉市教育局', agency_kind: 'department', year: 2017 });
  });

  it('takes the year covered from 统计期限 when the title has none, never the publishing date', () => {
    const m = extractMeta(doc(`南岗区政府信息公开工作年度报告
日期:2016-02-23
本年度报告所列数据统计期限自二〇一五年一月一日起至十二月三十一日止。`));
    expect(m.year).toBe(2015);
    expect(m.published).toBe('2016-02-23');
  });

  it('reads a report without a title from its opening and its parents', () => {
    const m = extractMeta(doc(`2017年,滨江区政府紧紧围绕省、市人民政府关于政务公开的工作部署,认真贯彻落实《杭州市政府办公厅关于印发杭州市全面推进政务公开工作实施细则的通知》。现将2017年度的政务公开工作情况报告如下:
一、基本情况`));
    expect(m).toEqual({
      year: 2017,
      region: { name: '滨江区', code: '330108' },
      agency: '杭州市滨江区人民政府',
      agency_kind: 'government',
    });
  });

  it('resolves a renamed county to today\'s unit and a district to its city\'s name', () => {
    expect(extractMeta(doc('开县2015年政府信息公开工作年度报告'))).toMatchObject({
      year: 2015, region: { name: '开州区', code: '500154' }, agency: '重庆市开州区人民政府', agency_kind: 'government',
    });
    expect(extractMeta(doc('2015年南岗区政府信息公开工作年度报告\n哈尔滨市南岗区人民政府办公室'))).toMatchObject({
      region: { code: '230103' }, agency: '哈尔滨市南岗区人民政府', agency_kind: 'government',
    });
  });

  it('uses the page title when the body has none, without the site name', () => {
    const m = extractMeta(doc('一、总体情况', '朝阳区2020年政府信息公开工作年度报告_长春市朝阳区人民政府'));
    expect(m).toMatchObject({ title: '朝阳区2020年政府信息公开工作年度报告', year: 2020, region: { code: '220104' } });
  });
});

describe('title forms', () => {
  it.each([
    ['宿州市人民政府2016年\n政府信息公开工作年度报告', '宿州市人民政府2016年政府信息公开工作年度报告', '宿州市人民政府', 'government', '341300'],
    ['龙潭区人民政府\n2017年政府信息公开工作年度报告\n吉林市龙潭区人民政府网', '龙潭区人民政府2017年政府信息公开工作年度报告', '吉林市龙潭区人民政府', 'government', '220203'],
    ['大连市政府信息公开工作2016年度报告', '大连市政府信息公开工作2016年度报告', '大连市人民政府', 'government', '210200'],
    ['福州市晋安区2016年政府信息公开工作年度报告', '福州市晋安区2016年政府信息公开工作年度报告', '福州市晋安区人民政府', 'government', '350111'],
    ['湖里区人民政府办公室2018年政府信息公开工作年度报告\n厦门市', '湖里区人民政府办公室2018年政府信息公开工作年度报告', '湖里区人民政府办公室', 'department', '350206'],
    ['二〇一八年开县教育委员会政府信息公开工作年度报告', '二〇一八年开县教育委员会政府信息公开工作年度报告', '开县教育委员会', 'department', '500154'],
    // portals listing many units tag the unit in brackets
    ['【宿松县】2015年政府信息公开工作年度报告\n发布机构：宿松县人民政府办公室', '【宿松县】2015年政府信息公开工作年度报告', '宿松县人民政府', 'government', '340826'],
    ['2016年政府信息公开工作年度报告（石泉县人力资源和社会保障局）', '2016年政府信息公开工作年度报告(石泉县人力资源和社会保障局)', '石泉县人力资源和社会保障局', 'department', '610922'],
    // 关于 inside the title, an edition note in brackets
    ['滦平县人民政府关于2016年政府信息公开工作的报告', '滦平县人民政府关于2016年政府信息公开工作的报告', '滦平县人民政府', 'government', '130824'],
    ['滦平县人民政府办公室关于2016年度政府信息公开工作年度报告', '滦平县人民政府办公室关于2016年度政府信息公开工作年度报告', '滦平县人民政府办公室', 'department', '130824'],
    ['滦平县2016年度政府信息公开工作年度报告（全文）', '滦平县2016年度政府信息公开工作年度报告(全文)', '滦平县人民政府', 'government', '130824'],
    // a scraper ran the title into the dateline below it
    ['石泉县人力资源和社会保障局2017年政府信息公开工作年度报告信息来源：县人社局　发布时间：2018-01-26　浏览次数：312', '石泉县人力资源和社会保障局2017年政府信息公开工作年度报告', '石泉县人力资源和社会保障局', 'department', '610922'],
    ['[瑞金市]政府信息公开工作年度报告(2016年度)', '[瑞金市]政府信息公开工作年度报告(2016年度)', '瑞金市人民政府', 'government', '360781'],
  ])('%j', (text, title, agency, kind, code) => {
    const m = extractMeta(doc(text));
    expect(m.title).toBe(title);
    expect(m.agency).toBe(agency);
    expect(m.agency_kind).toBe(kind);
    expect(m.region?.code).toBe(code);
  });
});

describe('a title that does not name who reports', () => {
  it('takes the agency from the signature under the report', () => {
    const m = extractMeta(doc(`2021年政府信息公开工作年度报告
本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。
一、总体情况
2021年，我局扎实推进生态环境领域政务公开工作。
本溪市生态环境局
2022年1月28日`));
    expect(m).toMatchObject({ year: 2021, region: { code: '210500' }, agency: '本溪市生态环境局', agency_kind: 'department' });
  });

  it('takes it from 本报告由…编制 when there is no signature', () => {
    const m = extractMeta(doc(`2021年政府信息公开工作年度报告
本报告由本溪市生态环境局根据《中华人民共和国政府信息公开条例》要求编制。
一、总体情况`));
    expect(m).toMatchObject({ agency: '本溪市生态环境局', agency_kind: 'department' });
  });

  it('takes it from …要求，由…编制 later in the opening sentence', () => {
    const m = extractMeta(doc(`2020年政府信息公开工作年度报告
本年度报告根据《中华人民共和国政府信息公开条例》要求，由广州市白云区景泰街道办事处编制。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。
一、总体情况`));
    expect(m).toMatchObject({ region: { code: '440111' }, agency: '广州市白云区景泰街道办事处', agency_kind: 'department' });
  });

  it('keeps a government report signed by its office a government report', () => {
    const m = extractMeta(doc(`2021年政府信息公开工作年度报告
2021年，全县深入推进政务公开。会同县人民政府坚持公开为常态。
会同县人民政府办公室
2022年1月21日`));
    expect(m).toMatchObject({ region: { code: '431225' }, agency: '会同县人民政府', agency_kind: 'government' });
  });
});

describe('development zones', () => {
  // GB/T 2260 codes some zones (x7x under their city); they report as the zone's government.
  it('resolves a zone by its short name to its own code, the committee reporting as its government', () => {
    const m = extractMeta(doc(`合肥高新区管委会2021年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2021年1月1日至2021年12月31日。`));
    expect(m).toMatchObject({ year: 2021, region: { code: '340171' }, agency: '合肥高新区管委会', agency_kind: 'government' });
  });

  it('names the committee when the title names only the zone', () => {
    const m = extractMeta(doc(`长春净月高新区2020年政府信息公开工作年度报告
一、总体情况`));
    expect(m).toMatchObject({ region: { code: '220172' }, agency: '长春净月高新技术产业开发区管理委员会', agency_kind: 'government' });
  });

  it.each([
    ['成都高新区管委会2021年政府信息公开工作年度报告', '510100', '成都高新区管委会'],
    ['武汉东湖新技术开发区管委会2020年政府信息公开工作年度报告', '420100', '武汉东湖新技术开发区管委会'],
    ['南京江北新区管理委员会2020年政府信息公开工作年度报告', '320100', '南京江北新区管理委员会'],
    ['成都高新区2021年政府信息公开工作年度报告', '510100', '成都高新区管理委员会'],
  ])('gives a zone without a code its city: %s → %s', (line, code, agency) => {
    expect(extractMeta(doc(`${line}\n一、总体情况`))).toMatchObject({ region: { code }, agency, agency_kind: 'government' });
  });

  it('keeps a bureau of an uncoded zone a department of its city', () => {
    expect(extractMeta(doc('成都高新区社区发展治理和社会保障局2021年政府信息公开工作年度报告'))).toMatchObject({ region: { code: '510100' }, agency_kind: 'department' });
  });

  it('keeps a zone bureau a department', () => {
    const m = extractMeta(doc(`郑州经开区建设局2019年政府信息公开工作年度报告`));
    expect(m).toMatchObject({ region: { code: '410171' }, agency: '郑州经开区建设局', agency_kind: 'department' });
  });
});

describe('leagues and prefectures', () => {
  it('reads a 行政公署 as the government of its 盟 or 地区', () => {
    expect(extractMeta(doc('锡林郭勒盟行政公署2016年政府信息公开工作年度报告\n一、概述'))).toMatchObject({
      year: 2016, region: { code: '152500' }, agency: '锡林郭勒盟行政公署', agency_kind: 'government',
    });
    expect(extractMeta(doc('阿克苏地区2015年政府信息公开工作年度报告\n一、概述'))).toMatchObject({
      region: { code: '652900' }, agency: '阿克苏地区行政公署', agency_kind: 'government',
    });
  });

  it('keeps the office of a 行政公署 a department', () => {
    expect(extractMeta(doc('阿拉善盟行政公署办公室2017年政府信息公开工作年度报告'))).toMatchObject({ region: { code: '152900' }, agency_kind: 'department' });
  });
});

describe('a title that names its unit by level only (市教育局, 省财政厅, 县人民政府办公室)', () => {
  it.each([
    ['市教育局2020年政府信息公开工作年度报告', '市教育局2020年政府信息公开工作年度报告_杭州市人民政府', '330100', '杭州市教育局'],
    ['省财政厅2019年政府信息公开工作年度报告', '省财政厅2019年政府信息公开工作年度报告-浙江省人民政府门户网站', '330000', '浙江省财政厅'],
    ['区民政局2020年政府信息公开工作年度报告', '区民政局2020年政府信息公开工作年度报告_南昌市西湖区人民政府', '360103', '西湖区民政局'],
    ['县人民政府办公室2018年政府信息公开工作年度报告', '县人民政府办公室2018年政府信息公开工作年度报告 - 德清县人民政府', '330521', '德清县人民政府办公室'],
  ])('%s on the portal %s → %s %s', (line, pageTitle, code, agency) => {
    const m = extractMeta(doc(`${line}\n一、总体情况\n全年主动公开政府信息120条。`, pageTitle));
    expect(m).toMatchObject({ region: { code }, agency, agency_kind: 'department' });
  });
});

describe('years typed with a circle for zero', () => {
  it('reads 二○一四年 (U+25CB) in a title as 2014', () => {
    expect(extractMeta(doc('二○一四年宁海县政府信息公开工作年度报告\n一、概述'))).toMatchObject({ year: 2014, region: { code: '330226' }, agency_kind: 'government' });
  });
});

describe('a title line that carries the publishing date', () => {
  it('cuts a bare date after the title (…年度报告 2020-01-20) and keeps the year covered', () => {
    const m = extractMeta(doc('宁海县教育局2019年政府信息公开工作年度报告 2020-01-20\n一、总体情况'));
    expect(m).toMatchObject({ title: '宁海县教育局2019年政府信息公开工作年度报告', year: 2019, agency: '宁海县教育局', agency_kind: 'department' });
  });
});

describe('a province named inside a regulation title', () => {
  it('is not the government speaking: 《上海市政府信息公开规定》 in a district bureau\'s report', () => {
    const m = extractMeta(doc(`2019年政府信息公开工作年度报告
根据《上海市政府信息公开规定》要求编制本报告。
一、总体情况
2019年，我局认真贯彻落实。
上海市闵行区教育局
2020年1月20日`));
    expect(m).toMatchObject({ region: { code: '310112' }, agency: '上海市闵行区教育局', agency_kind: 'department' });
  });

  it('leaves the unit to the portal when the text names none: 《湖北省政府信息公开规定》 on 远安县\'s site', () => {
    const m = extractMeta(doc(`2019年政府信息公开工作年度报告
按照市政府办公室要求，根据《湖北省政府信息公开规定》，编制本报告。
一、总体情况
2019年，我县认真贯彻落实。`, '2019年政府信息公开工作年度报告_远安县人民政府'));
    expect(m).toMatchObject({ region: { code: '420525' }, agency: '远安县人民政府', agency_kind: 'government' });
  });
});

describe('a title where one unit publishes another\'s report', () => {
  it('takes the unit after 关于 as the subject (县政府办公室关于某县2019年…报告 is the county\'s)', () => {
    expect(extractMeta(doc('德清县人民政府办公室关于德清县2019年政府信息公开工作年度报告\n一、总体情况'))).toMatchObject({
      year: 2019, region: { code: '330521' }, agency: '德清县人民政府', agency_kind: 'government',
    });
  });
});
