import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document, TableBlock } from './document.ts';
import { documentText } from './document.ts';
import { HTML_LIMITS, capNesting, htmlToDocument, stripSiteSuffix } from './html.ts';
import { isChromeLine } from './chrome.ts';

const page = (f: string) => readFileSync(new URL(`../test/fixtures/html/${f}`, import.meta.url), 'utf8');
const tables = (d: Document) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (d: Document) => d.blocks.filter((b) => b.kind !== 'table').map((b) => (b as { text: string }).text);

describe('a t2019 report page (TRS portal, #zoom > .TRS_Editor)', () => {
  const doc = htmlToDocument(page('t2019-pingxiang.html'), { name: 't2019-pingxiang.html' });

  it('takes the title from the page, not the site name, and the publishing date from the info bar', () => {
    expect(doc.title).toBe('萍乡市2019年政府信息公开工作年度报告');
    expect(doc.published).toBe('2020-01-20');
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: '萍乡市2019年政府信息公开工作年度报告' });
  });

  it('keeps the report and drops the portal chrome around it', () => {
    const all = documentText(doc);
    for (const chrome of ['扫一扫在手机打开当前页', '返回顶部', '打印本页', '您当前的位置', 'ICP备', '网站标识码', '主办单位', '相关链接', '2018年政府信息公开工作年度报告', '无障碍', '政务动态', '字号', 'hm.baidu.com']) {
      expect(all, chrome).not.toContain(chrome);
    }
    expect(all).toContain('全年主动公开政府信息25630条');
    expect(all).toContain('（国办公开办函〔2019〕60号）');
  });

  it('turns the numbered section titles into headings, in order', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    // A numbered lead-in followed by a sentence stays a paragraph the prose reader can use.
    expect(texts(doc)).toContain('（一）主动公开情况。围绕“放管服”改革、重大项目建设、民生保障等重点领域，及时公开政府信息。');
  });

  it('places each table right after its section heading', () => {
    const order = doc.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text)).filter((t) => /^(table|[一二三四五]、)/.test(t));
    expect(order).toEqual(['一、总体情况', '二、主动公开政府信息情况', 'table 1', '三、收到和处理政府信息公开申请情况', 'table 2', '四、政府信息公开行政复议、行政诉讼情况', 'table 3', '五、存在的主要问题及改进情况']);
  });

  it('expands the multi-row header of table 三 so every column has its labels', () => {
    const t3 = tables(doc)[1];
    expect(t3.origin).toBe('html');
    expect(new Set(t3.rows.map((r) => r.length))).toEqual(new Set([10]));
    expect(t3.rows[0].slice(3)).toEqual(Array(7).fill('申请人情况'));
    expect(t3.rows[1].slice(3)).toEqual(['自然人', ...Array(5).fill('法人或其他组织'), '总计']);
    expect(t3.rows[2].slice(3)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(t3.rows[2][0]).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('repeats row labels down their rowspan and across their colspan', () => {
    const t3 = tables(doc)[1];
    const row = (label: string) => t3.rows.find((r) => r.includes(label))!;
    expect(row('一、本年新收政府信息公开申请数量')).toEqual([...Array(3).fill('一、本年新收政府信息公开申请数量'), '120', '15', '2', '1', '3', '4', '145']);
    expect(row('4.保护第三方合法权益')).toEqual(['三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益', '2', '0', '0', '0', '0', '0', '2']);
    expect(row('3.补正后申请内容仍不明确').slice(0, 2)).toEqual(['三、本年度办理结果', '（四）无法提供']);
    expect(row('（七）总计')).toEqual(['三、本年度办理结果', '（七）总计', '（七）总计', '123', '14', '2', '1', '2', '4', '146']);
    expect(row('四、结转下年度继续办理').slice(3)).toEqual(['3', '2', '0', '0', '1', '0', '6']);
  });

  it('expands table 四 into 15 columns under 行政复议 / 未经复议直接起诉 / 复议后起诉', () => {
    const t4 = tables(doc)[2];
    expect(t4.rows).toHaveLength(4);
    expect(t4.rows[0]).toEqual([...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')]);
    expect(t4.rows[1]).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')]);
    expect(t4.rows[3]).toEqual(['3', '1', '0', '1', '5', '2', '0', '1', '1', '4', '1', '0', '0', '0', '1']);
  });

  it('keeps signed changes and amounts in table 二 as written', () => {
    const t2 = tables(doc)[0];
    expect(t2.rows.find((r) => r[0] === '行政许可')).toEqual(['行政许可', '236', '-8', '15230']);
    expect(t2.rows.find((r) => r[0] === '其他对外管理服务事项')).toEqual(['其他对外管理服务事项', '45', '+3', '1021']);
    expect(t2.rows.find((r) => r[0] === '政府集中采购')).toEqual(['政府集中采购', '156', '8650.43万元', '8650.43万元']);
    expect(t2.rows[0]).toEqual(Array(4).fill('第二十条第（一）项'));
  });
});

describe('a t2021 report page with no known content container', () => {
  const doc = htmlToDocument(page('t2021-xiangtan.html'), { name: 't2021-xiangtan.html' });

  it('finds the article as the densest block and keeps its three tables', () => {
    expect(doc.title).toBe('湘潭县2021年政府信息公开工作年度报告');
    expect(doc.published).toBe('2022-01-25');
    expect(tables(doc).map((t) => [t.rows.length, t.rows[0].length])).toEqual([[14, 4], [28, 10], [4, 15]]);
    expect(documentText(doc)).not.toContain('扫一扫');
    expect(documentText(doc)).not.toContain('索引号'); // the metadata box above the title is not the article
  });

  it('reads the 2021 table 二 and the three (六)其他处理 rows', () => {
    const [t2, t3] = tables(doc);
    expect(t2.rows[1]).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(t2.rows.find((r) => r[0] === '行政规范性文件')).toEqual(['行政规范性文件', '9', '3', '57']);
    expect(t2.rows.find((r) => r[0] === '行政事业性收费')).toEqual(['行政事业性收费', '326.58', '326.58', '326.58']);
    const other = t3.rows.filter((r) => r[1] === '（六）其他处理');
    expect(other.map((r) => [r[2], r[9]])).toEqual([
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2'],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0'],
      ['3.其他', '2'],
    ]);
  });
});

describe('pre2019 prose page and look-alikes', () => {
  it('reads a Hanweb page (#ivs_content) into headings and paragraphs', () => {
    const doc = htmlToDocument(page('pre2019-kaizhou.html'), { name: 'pre2019-kaizhou.html' });
    expect(doc.title).toBe('重庆市开州区2017年政府信息公开工作年度报告');
    expect(doc.published).toBe('2018-03-14');
    expect(tables(doc)).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 3).length).toBeGreaterThan(2);
    expect(documentText(doc)).toMatch(/8\.06万条/);
  });

  it('extracts a 政府工作报告 faithfully (deciding it is not an annual report is the normaliser’s job)', () => {
    const doc = htmlToDocument(page('not-report-gzbg.html'), { name: 'not-report-gzbg.html' });
    expect(doc.title).toBe('2020年萍乡市人民政府工作报告');
    expect(documentText(doc)).not.toContain('ICP备');
  });
});

describe('table mechanics', () => {
  const one = (html: string) => tables(htmlToDocument(html, { name: 't.html', wholeBody: true }));

  it('joins cell text broken by <br>/<p> without splitting words or merging numbers', () => {
    const [t] = one('<table><tr><td>信息内容</td><td><p>本年新</p><p>制作数量</p></td><td>本年<br>新公开数量</td></tr><tr><td>规章</td><td>18<br>20</td><td>&nbsp;3&nbsp;</td></tr><tr><td>政府集中采购</td><td><span>22</span></td><td>5.637<br/>万元</td></tr></table>');
    expect(t.rows).toEqual([
      ['信息内容', '本年新制作数量', '本年新公开数量'],
      ['规章', '18 20', '3'],
      ['政府集中采购', '22', '5.637万元'],
    ]);
  });

  it('flattens layout tables so the data table inside surfaces', () => {
    const html = `<table width="100%"><tr><td class="left">
      <table><tr><td><p>一、总体情况</p><p>本机关全年主动公开政府信息120条。</p></td></tr></table>
      <table border="1"><tr><td>行政复议</td><td>总计</td></tr><tr><td>结果维持</td><td>2</td></tr></table>
    </td></tr></table>`;
    const doc = htmlToDocument(html, { name: 'layout.html', wholeBody: true });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table']);
    expect(tables(doc)[0].rows).toEqual([['行政复议', '总计'], ['结果维持', '2']]);
  });

  it('pads ragged rows, clamps spans that run past the table, drops blank spacer columns', () => {
    const [t] = one('<table><tr><td rowspan="9">项目</td><td colspan="2">数量</td><td width="1"></td></tr><tr><td>1</td></tr></table>');
    expect(t.rows).toEqual([
      ['项目', '数量', '数量'],
      ['项目', '1', ''],
    ]);
  });
});

describe('hostile pages are bounded, not hung', () => {
  const saved = { ...HTML_LIMITS };
  afterEach(() => Object.assign(HTML_LIMITS, saved));

  it('truncates a 5000-column table to the column cap with a warning', () => {
    const html = `<table><tr>${'<td>表头</td>'.repeat(5000)}</tr><tr>${'<td>1</td>'.repeat(5000)}</tr></table>`;
    const doc = htmlToDocument(html, { name: 'wide.html', wholeBody: true });
    expect(tables(doc)[0].rows[0]).toHaveLength(HTML_LIMITS.maxColumns);
    expect(doc.warnings.join(' ')).toMatch(/columns truncated/);
  });

  it('survives 10 000 nested tables', () => {
    const html = '<table><tr><td>'.repeat(10_000) + '<p>最内层</p>' + '</td></tr></table>'.repeat(10_000);
    const page = htmlToDocument(`<html><body>${html}</body></html>`, { name: 'nested.html' });
    expect(documentText(page)).toContain('最内层');
    // Walked from the top (as a converted Word file is), the depth cap reads the rest as text.
    const whole = htmlToDocument(html, { name: 'nested.html', wholeBody: true });
    expect(documentText(whole)).toContain('最内层');
    expect(whole.warnings.join(' ')).toMatch(/nested deeper/);
  });

  it('bounds huge rowspan × colspan products by the cell budget', () => {
    const rows = Array.from({ length: 2000 }, () => '<tr><td rowspan="65534" colspan="1000">x</td></tr>').join('');
    const doc = htmlToDocument(`<table>${rows}</table>`, { name: 'spans.html', wholeBody: true });
    const cells = tables(doc).reduce((n, t) => n + t.rows.length * t.rows[0].length, 0);
    expect(cells).toBeLessThanOrEqual(HTML_LIMITS.maxCellsPerTable);
    expect(doc.warnings.join(' ')).toMatch(/truncated/);
  });

  it('truncates a page over the size cap with a warning', () => {
    HTML_LIMITS.maxChars = 100_000;
    const html = `<html><body>${'<p>政府信息公开工作年度报告正文。</p>'.repeat(20_000)}</body></html>`;
    const doc = htmlToDocument(html, { name: 'huge.html' });
    expect(doc.warnings[0]).toMatch(/truncated to 100000/);
    expect(doc.blocks.length).toBeGreaterThan(100);
  });
});

describe('stripSiteSuffix', () => {
  it.each([
    ['萍乡市2019年政府信息公开工作年度报告_萍乡市人民政府', '萍乡市2019年政府信息公开工作年度报告'],
    ['湘潭县2021年政府信息公开工作年度报告 - 湘潭县人民政府', '湘潭县2021年政府信息公开工作年度报告'],
    ['市教育局2020年政府信息公开工作年度报告|某某市教育局门户网站', '市教育局2020年政府信息公开工作年度报告'],
    ['2019年政府信息公开工作年度报告', '2019年政府信息公开工作年度报告'],
  ])('%s', (input, expected) => expect(stripSiteSuffix(input)).toBe(expected));
});

describe('the chrome table', () => {
  it.each([
    ['扫一扫在手机打开当前页', true],
    ['【打印本页】【关闭窗口】', true],
    ['【字体：大 中 小】', true],
    ['字号:', true],
    ['赣ICP备05004562号-1', true],
    ['主办单位：萍乡市人民政府办公室', true],
    ['您当前的位置：首页 > 政务公开', true],
    ['来源:', true],
    // Report content that merely looks short must survive.
    ['政府网站', false],
    ['无', false],
    ['来源：市政府办公室', false],
    ['一、总体情况', false],
    ['主办了全市政务公开业务培训班2期，培训120人次。', false],
    ['相关信息已在区政府门户网站公开。', false],
    ['分享经验做法3篇。', false],
    ['相关链接：政府信息公开指南', true],
    ['分享到：微信 微博 QQ空间', true],
    ['联系我们 | 网站地图', true],
  ])('%s → chrome %s', (line, chrome) => expect(isChromeLine(line)).toBe(chrome));
});

describe('content isolation', () => {
  it('ignores a known container that holds only a sliver of the page', () => {
    const report = Array.from({ length: 12 }, (_, i) => `<p>（${'一二三四五六七八九十'[i % 10]}）本机关依法依规做好政府信息公开工作，全年主动公开政府信息${100 + i}条，并及时更新公开目录。</p>`).join('');
    const html = `<html><body><div class="nav"><a href="/">首页</a></div>
      <div class="main"><div class="article-text"><h2>某某区2020年政府信息公开工作年度报告</h2>${report}</div>
      <div class="TRS_Editor"><p>附件：某某区2020年政府信息公开工作年度报告（PDF版）下载，请使用阅读器打开，如无法打开请联系网站管理员。</p><p>文件大小：1.2MB，发布单位：某某区人民政府办公室，联系电话：0000-1234567。</p></div></div>
      <div class="footer">主办单位：某某区人民政府办公室</div></body></html>`;
    const doc = htmlToDocument(html, { name: 'sliver.html' });
    expect(documentText(doc)).toContain('全年主动公开政府信息111条');
    expect(doc.title).toBe('某某区2020年政府信息公开工作年度报告');
  });

  it('widens a TRS container to take in the statistics table placed right after it', () => {
    const rows = ['<tr><td>行政复议</td><td>总计</td></tr>', '<tr><td>结果维持</td><td>2</td></tr>', '<tr><td>结果纠正</td><td>1</td></tr>'].join('');
    const prose = '<p>本年度依法办理政府信息公开申请，均在法定期限内答复，答复内容规范，未发生因答复引发的争议。</p>'.repeat(8);
    const html = `<html><body><div class="content"><div class="TRS_Editor"><p>一、总体情况</p>${prose}</div>
      <div class="fb"><table border="1">${rows}</table></div></div><div class="related">相关链接</div></body></html>`;
    const doc = htmlToDocument(html, { name: 'after.html' });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0].rows[1]).toEqual(['结果维持', '2']);
  });

  it('adopts the report\'s tables from an 附件 box far from the article, after its text, and no other table', () => {
    const t4 = ['<tr><td colspan="5">行政复议</td></tr>', '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>', '<tr><td>2</td><td>1</td><td>0</td><td>0</td><td>3</td></tr>'].join('');
    const weather = ['<tr><td>今日</td><td>晴</td></tr>', '<tr><td>明日</td><td>多云</td></tr>', '<tr><td>后日</td><td>小雨</td></tr>'].join('');
    const prose = '<p>本年度依法办理政府信息公开申请，均在法定期限内答复，答复内容规范，未发生因答复引发的争议。</p>'.repeat(8);
    const html = `<html><body><div class="wrap"><div class="xl_main"><div class="TRS_Editor"><p>四、政府信息公开行政复议、行政诉讼情况（见附表三）</p>${prose}</div>
      <div class="xl_share">分享到：微信 微博</div><div class="xl_btn"><a>打印本页</a> <a>关闭窗口</a></div></div></div>
      <div class="side"><table class="weather">${weather}</table></div>
      <div class="fujian_box"><h4>附件</h4><p>附表三</p><table border="1">${t4}</table></div>
      <div class="footer">主办单位：某某区人民政府办公室</div></body></html>`;
    const doc = htmlToDocument(html, { name: 'fujian.html' });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0].rows.at(-1)).toEqual(['2', '1', '0', '0', '3']);
    expect(doc.blocks.at(-1)?.kind).toBe('table');
  });
});

describe('nesting cap', () => {
  it('leaves real pages alone, including ones that omit optional end tags', () => {
    const page500 = `<table>${'<tr><td>自然人<td>18'.repeat(600)}</table>${'<p>段落'.repeat(600)}`;
    expect(capNesting(page500, 400).dropped).toBe(0);
  });

  it('drops the tags, not the text, of elements nested beyond the cap', () => {
    const capped = capNesting(`${'<div><span>'.repeat(300)}最内层${'</span></div>'.repeat(300)}`, 400);
    expect(capped.dropped).toBe(400);
    expect(capped.html).toContain('最内层');
    expect(capped.html.match(/<div>/g)).toHaveLength(200);
    expect(capped.html.match(/<\/div>/g)).toHaveLength(200);
  });

  it('reads 100 000 nested <div>s', () => {
    const doc = htmlToDocument(`${'<div>'.repeat(100_000)}最内层${'</div>'.repeat(100_000)}`, { name: 'deep.html' });
    expect(documentText(doc)).toBe('最内层');
    expect(doc.warnings.join(' ')).toMatch(/dropped/);
  });
});

describe('heading elements', () => {
  it('reads short <h*> as headings and an <h*> an editor filled with prose as paragraphs', () => {
    const long = '2019年，本机关认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，全年主动公开政府信息1200条，其中通过门户网站公开980条，通过政务新媒体公开220条，依申请公开工作规范有序。';
    const doc = htmlToDocument(`<h3>一、总体情况</h3><h4><span>${long}</span></h4><h2>工作成效</h2>`, { name: 'h.html', wholeBody: true });
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, text: '一、总体情况' },
      { kind: 'paragraph', text: long },
      { kind: 'heading', level: 2, text: '工作成效' },
    ]);
  });
});

describe('damaged markup never crashes the extractor', () => {
  const source = page('t2019-pingxiang.html');
  let seed = 20240601;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const damage = (html: string): string => {
    switch (rand(4)) {
      case 0: // truncated download
        return html.slice(0, rand(html.length));
      case 1: // closing tags lost
        return html.replace(/<\/(td|tr|table|div|p)>/g, (m) => (rand(3) === 0 ? '' : m));
      case 2: // spans mangled
        return html.replace(/(rowspan|colspan)="\d+"/g, (m) => (rand(2) === 0 ? `${m.split('=')[0]}="${['0', '-3', '999999', 'x', ''][rand(5)]}"` : m));
      default: // a chunk cut out of the middle
        return html.slice(0, rand(html.length)) + html.slice(rand(html.length));
    }
  };

  it('reads 40 damaged copies of a report page, keeping every grid rectangular', () => {
    for (let i = 0; i < 40; i++) {
      const doc = htmlToDocument(damage(source), { name: `damaged-${i}.html` });
      for (const t of tables(doc)) expect(new Set(t.rows.map((r) => r.length)).size, `copy ${i}`).toBe(1);
    }
  });
});

describe('title candidates', () => {
  it('prefers the element naming the report over a <title> that is only the site name', () => {
    const html = `<html><head><title>本溪市生态环境局</title></head><body><div class="nav"><h2>部门导航</h2></div>
      <div class="article"><h2 class="tit">2021年政府信息公开工作年度报告</h2><div class="conTxt"><p>一、总体情况</p>
      <p>2021年，本溪市生态环境局扎实推进生态环境领域政务公开工作，全年主动公开政府信息629条，其中环境质量信息312条。</p></div></div></body></html>`;
    expect(htmlToDocument(html, { name: 'benxi.html' }).title).toBe('2021年政府信息公开工作年度报告');
  });
});

describe('old portals laid out with a table', () => {
  it('walks a multi-row page-grid table as boxes, not as one big data table', () => {
    const article = '<p>一、概述</p>' + '<p>2015年，本区认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，主动公开政府信息2180条，受理政府信息公开申请36件，均按期答复。</p>'.repeat(3);
    const html = `<html><body><table width="980">
      <tr><td colspan="2"><img src="logo.gif" alt="某某区人民政府"></td></tr>
      <tr><td width="200"><a href="/">首页</a><a href="/zwgk/">政务公开</a></td><td>${article}</td></tr>
      <tr><td colspan="2">主办单位：某某区人民政府办公室</td></tr></table></body></html>`;
    // Walked from the top, as a Word file converted to HTML is (no content isolation to skip it).
    const doc = htmlToDocument(html, { name: 'grid.html', wholeBody: true });
    expect(tables(doc)).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('2015年，本区'))).toHaveLength(3);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '一、概述')).toBe(true);
  });

  it('keeps a data table whose only long cell is a note under it', () => {
    const note = '注：本表数据统计期限自2015年1月1日起至2015年12月31日止，依申请公开数据含各乡镇街道及区政府各部门受理的申请，收费及减免情况为依申请提供政府信息的检索、复制、邮寄等费用，本年度均未收取任何费用，特此说明。'.repeat(2);
    const rows = Array.from({ length: 25 }, (_, i) => `<tr><td>（${i + 1}）统计指标名称第${i + 1}项</td><td>条</td><td>${100 + i}</td></tr>`).join('');
    const doc = htmlToDocument(`<table border="1"><tr><td>统计指标</td><td>单位</td><td>数量</td></tr>${rows}<tr><td colspan="3">${note}</td></tr></table>`, { name: 'note.html', wholeBody: true });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0].rows).toHaveLength(27);
  });
});
