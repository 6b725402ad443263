import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document, TableBlock } from './document.ts';
import { documentText } from './document.ts';
import { textToDocument } from './text.ts';
import { htmlToDocument } from './html.ts';

const seed = (f: string) => readFileSync(new URL(`../test/fixtures/seeds/${f}`, import.meta.url), 'utf8');
const tables = (d: Document) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const doc = (text: string, format: 'text' | 'markdown' = 'text') => textToDocument(text, { name: 'x.txt', format });

describe('seed 001: tables flattened to one cell per line with " |"', () => {
  const d = textToDocument(seed('001_a78cc7a962d3243c.txt'), { name: '001.txt' });
  const [t2, t3, t4] = tables(d);

  it('finds the title behind the breadcrumb and drops the chrome lines', () => {
    expect(d.title).toBe('牡丹江市人民政府办公室2019年政府信息公开工作年度报告');
    expect(d.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    const all = documentText(d);
    for (const chrome of ['您当前的位置', '扫一扫在手机打开当前页', '关联稿件', '校对:']) expect(all).not.toContain(chrome);
  });

  it('rebuilds three tables with rows padded to one width', () => {
    expect(tables(d).map((t) => [t.rows.length, t.rows[0].length, t.origin])).toEqual([
      [18, 4, 'text'],
      [26, 9, 'text'],
      [4, 15, 'text'],
    ]);
    for (const t of tables(d)) expect(new Set(t.rows.map((r) => r.length)).size).toBe(1);
  });

  it('closes rows at the pipe-only lines and keeps the cells left-packed', () => {
    expect(t2.rows[0]).toEqual(['第二十条第(一)项', '', '', '']);
    expect(t2.rows[3]).toEqual(['规范性文件', '14', '14', '101']);
    expect(t2.rows[t2.rows.length - 1]).toEqual(['政府集中采购', '22', '5.637万元', '']);
    expect(t3.rows[3]).toEqual(['一、本年新收政府信息公开申请数量', '18', '2', '0', '0', '0', '0', '20', '']);
    expect(t3.rows[5]).toEqual(['三、本年度办理结果', '(一)予以公开', '6', '0', '0', '0', '0', '0', '6']);
    expect(t3.rows[6]).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '2', '1', '0', '0', '0', '0', '3', '']);
    expect(t4.rows[3]).toEqual(['0', '2', '0', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']);
  });

  it('reads a lone "|" inside the last row as a blank cell, not as a row end', () => {
    expect(t3.rows[t3.rows.length - 1]).toEqual(['四、结转下年度继续办理', '', '1', '', '', '', '', '1', '']);
  });

  it('keeps the section headings around the tables', () => {
    const headings = d.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、本年度办理结果', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });
});

describe('markdown pipe tables', () => {
  it('skips the rule line and keeps blank cells in place', () => {
    const d = doc(
      ['## 四、政府信息公开行政复议、行政诉讼情况', '', '| 行政复议 | | | | |', '|---|---|---|---|---|', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 1 | 0 | | 0 | 1 |', '', '五、存在的主要问题及改进情况'].join('\n'),
      'markdown',
    );
    expect(d.blocks[0]).toEqual({ kind: 'heading', level: 2, text: '四、政府信息公开行政复议、行政诉讼情况' });
    expect(tables(d)[0].rows).toEqual([
      ['行政复议', '', '', '', ''],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      ['1', '0', '', '0', '1'],
    ]);
    expect(d.blocks[2]).toEqual({ kind: 'heading', level: 2, text: '五、存在的主要问题及改进情况' });
  });

  it('reads a table without outer pipes when a rule follows the header', () => {
    const d = doc(['信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量', '--- | --- | --- | ---', '行政许可 | 236 | -8 | 15230'].join('\n'), 'markdown');
    expect(tables(d)[0].rows).toEqual([
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '236', '-8', '15230'],
    ]);
  });
});

describe('tab- and space-separated rows', () => {
  it('rebuilds an old 统计表 with tabs, keeping a run-together cell whole', () => {
    const d = doc(
      [
        '附件：2016年政府信息公开情况统计表',
        '统计指标\t单位\t统计数',
        '一、主动公开情况',
        '（一）主动公开政府信息数\t条\t8535',
        '其中：主动公开规范性文件数\t条\t56',
        '二、依申请公开情况',
        '（一）收到申请数\t件\t640020470',
      ].join('\n'),
    );
    // Section labels without tabs between two rows belong to the table as one-cell rows.
    expect(d.blocks[0]).toEqual({ kind: 'paragraph', text: '附件：2016年政府信息公开情况统计表' });
    expect(tables(d)[0].rows).toEqual([
      ['统计指标', '单位', '统计数'],
      ['一、主动公开情况', '', ''],
      ['（一）主动公开政府信息数', '条', '8535'],
      ['其中：主动公开规范性文件数', '条', '56'],
      ['二、依申请公开情况', '', ''],
      ['（一）收到申请数', '件', '640020470'],
    ]);
  });

  it('keeps blank trailing cells of tab rows', () => {
    const d = doc(['项目\t本年\t累计', '一、主动公开情况\t\t', '主动公开政府信息数\t8535\t45210'].join('\n'));
    expect(tables(d)[0].rows).toEqual([
      ['项目', '本年', '累计'],
      ['一、主动公开情况', '', ''],
      ['主动公开政府信息数', '8535', '45210'],
    ]);
  });

  it('reads whole rows written on one line with " | " separators', () => {
    const d = doc(['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量 | 18 | 2 | 0 | 0 | 0 | 0 | 20 |', '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |'].join('\n'));
    expect(tables(d)[0].rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '18', '2', '0', '0', '0', '0', '20'],
      ['二、上年结转政府信息公开申请数量', '2', '0', '0', '0', '0', '0', '2'],
    ]);
  });

  it('rebuilds rows aligned with runs of spaces', () => {
    const d = doc(
      ['公开渠道        数量      占比', '政府网站        6089      71.34%', '政务微博        111       1.3%', '政务微信        1628      19.07%'].join('\n'),
    );
    expect(tables(d)[0].rows).toEqual([
      ['公开渠道', '数量', '占比'],
      ['政府网站', '6089', '71.34%'],
      ['政务微博', '111', '1.3%'],
      ['政务微信', '1628', '19.07%'],
    ]);
  });

  it('does not turn prose or an info line into a table', () => {
    const d = doc(
      [
        '珲春市2018年政府信息公开工作年度报告',
        '发布日期:2019-03-22    点击数:',
        '2018年,我市各部门按照国家及省、州关于政务公开的决策部署,  全面推进决策、执行、管理、服务、结果公开。',
        '全年共受理政府信息公开申请115件,  办结115件。',
      ].join('\n'),
    );
    expect(tables(d)).toHaveLength(0);
    expect(d.title).toBe('珲春市2018年政府信息公开工作年度报告');
    expect(d.published).toBe('2019-03-22');
  });
});

describe('headings, run-together rows and the pre2019 seeds', () => {
  it('never takes a run-together table row for a heading, and keeps its digits untouched', () => {
    const d = doc('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量640020470\n二、上年结转政府信息公开申请数量20002\n（六）其他处理1\n（七）总计');
    expect(d.blocks).toEqual([
      { kind: 'heading', level: 2, text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'paragraph', text: '一、本年新收政府信息公开申请数量640020470' },
      { kind: 'paragraph', text: '二、上年结转政府信息公开申请数量20002' },
      { kind: 'paragraph', text: '（六）其他处理1' },
      { kind: 'heading', level: 3, text: '（七）总计' },
    ]);
  });

  it('reads 第一部分 headings of older reports as sections', () => {
    const d = doc(['某某县2012年政府信息公开工作年度报告', '第一部分 概述', '2012年，我县认真贯彻落实《条例》。', '第二部分 主动公开政府信息情况'].join('\n'));
    expect(d.blocks.filter((b) => b.kind === 'heading').map((b) => [(b as { level: number }).level, (b as { text: string }).text])).toEqual([
      [1, '某某县2012年政府信息公开工作年度报告'],
      [2, '第一部分概述'],
      [2, '第二部分主动公开政府信息情况'],
    ]);
  });

  it('reads seed 003 as prose with its sub-headings and date', () => {
    const d = textToDocument(seed('003_1c25470cf4922d63.txt'), { name: '003.txt' });
    expect(d.title).toBe('重庆市开州区2017年政府信息公开工作年度报告');
    expect(d.published).toBe('2018-03-14');
    expect(tables(d)).toHaveLength(0);
    expect(d.blocks.filter((b) => b.kind === 'heading' && b.level === 3).map((b) => (b as { text: string }).text)).toContain('(一)突出公开重点。');
    expect(documentText(d)).not.toContain('扫一扫在手机打开当前页');
  });

  it('bounds a line of 100 000 pipes', () => {
    const d = doc(`规章 |\n0 |\n${'|'.repeat(100_000)}\n规范性文件 |\n14 |`);
    expect(tables(d)[0].rows[0].length).toBeLessThanOrEqual(1000);
    expect(d.warnings.join(' ')).toMatch(/truncated/);
  });
});

describe('one cell per line, every row closed by a lone "|"', () => {
  it('learns the width from the usual row and reads a short lone "|" as a blank cell', () => {
    const lines = ['结果维持 |', '结果纠正 |', '其他结果 |', '总计 |', '|', '1 |', '0 |', '1 |', '2 |', '|', '0 |', '|', '0 |', '0 |', '|', '2 |', '1 |', '0 |', '1 |', '|'];
    const d = doc(['四、政府信息公开行政复议、行政诉讼情况', ...lines, '五、存在的主要问题及改进情况'].join('\n'));
    expect(tables(d)[0].rows).toEqual([
      ['结果维持', '结果纠正', '其他结果', '总计'],
      ['1', '0', '1', '2'],
      ['0', '', '0', '0'],
      ['2', '1', '0', '1'],
    ]);
  });
});

describe('labels followed by single-spaced numbers', () => {
  it('splits rows whose cells were joined with one space, keeping signs and dashes', () => {
    const d = doc(
      [
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量 64 0 0 2 0 4 70',
        '二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 1 0 0 0 0 3',
        '行政许可 236 -8 15230',
        '0 2 0 0 2 1 0 0 0 1 0 0 0 0 0',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    expect(tables(d)[0].rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '64', '0', '0', '2', '0', '4', '70', '', '', '', '', '', '', ''],
      ['二、上年结转政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3', '', '', '', '', '', '', ''],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2', '1', '0', '0', '0', '0', '3', '', '', '', '', '', '', ''],
      ['行政许可', '236', '-8', '15230', '', '', '', '', '', '', '', '', '', '', ''],
      ['0', '2', '0', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'],
    ]);
    expect(d.blocks.at(-1)).toEqual({ kind: 'heading', level: 2, text: '五、存在的主要问题及改进情况' });
  });

  it('leaves sentences with numbers and a lone list of years alone', () => {
    const d = doc(['全年共受理申请 115 件，办结 115 件。', '2014 2015 2016 2017 2018', '电话 0433 7550019'].join('\n'));
    expect(tables(d)).toHaveLength(0);
  });
});

describe('a whole single-spaced table', () => {
  it('takes the header lines and splits joined row labels at their numbering', () => {
    const d = doc(
      [
        '三、收到和处理政府信息公开申请情况',
        '申请人情况',
        '自然人 法人或其他组织 总计',
        '商业企业 科研机构 社会公益组织 法律服务机构 其他',
        '三、本年度办理结果 （三）不予公开 1.属于国家秘密 1 0 0 0 0 0 1',
        '三、本年度办理结果 （六）其他处理 6 1 0 0 0 1 8',
        '政府集中采购 156 8650.43万元',
      ].join('\n'),
    );
    expect(d.blocks[1]).toEqual({ kind: 'paragraph', text: '申请人情况' });
    const rows = tables(d)[0].rows.map((r) => r.filter((c) => c !== ''));
    expect(rows).toEqual([
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1'],
      ['三、本年度办理结果', '（六）其他处理', '6', '1', '0', '0', '0', '1', '8'],
      ['政府集中采购', '156', '8650.43万元'],
    ]);
  });
});

describe('the same report, whatever textual form its tables arrive in', () => {
  // The t2019 and t2021 portal fixtures, rendered to text the ways scrapers flatten tables; every
  // data row must come back as a table row with the same cells.
  const fixtures = ['t2019-pingxiang.html', 't2021-xiangtan.html'].map((f) =>
    htmlToDocument(readFileSync(new URL(`../test/fixtures/html/${f}`, import.meta.url), 'utf8'), { name: f }),
  );
  const isNumber = (c: string) => /^[-+]?[\d.]+(万元)?$/.test(c);
  /** Spanned labels appear once when a scraper flattens a row; numbers are never merged. */
  const collapse = (r: string[]) => r.filter((c, i) => i === 0 || c !== r[i - 1] || isNumber(c));
  const forms: Record<string, (rows: string[][]) => string[]> = {
    'one cell per line': (rows) => {
      const width = Math.max(...rows.map((r) => collapse(r).length));
      return rows.flatMap((r) => [...collapse(r).map((c) => `${c} |`), '|'.repeat(width - collapse(r).length + 1)]);
    },
    markdown: (rows) => [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)],
    tabs: (rows) => rows.map((r) => collapse(r).join('\t')),
    'two spaces': (rows) => rows.map((r) => collapse(r).join('  ')),
    'one space': (rows) => rows.map((r) => collapse(r).join(' ')),
    'one cell per line, no separators': (rows) => rows.flatMap(collapse),
  };

  for (const source of fixtures) {
    for (const [form, render] of Object.entries(forms)) {
      it(`${source.source.name} as ${form}`, () => {
        const text = source.blocks.flatMap((b) => (b.kind === 'table' ? render(b.rows) : [b.text])).join('\n');
        const rebuilt = tables(doc(text)).flatMap((t) => t.rows.map((r) => r.filter((c) => c !== '')));
        const expected = tables(source).flatMap((t) => t.rows.filter((r) => r.some(isNumber)));
        for (const row of expected) {
          const want = form === 'markdown' ? row : collapse(row);
          expect(rebuilt, want.join(' | ')).toContainEqual(want.filter((c) => c !== ''));
        }
      });
    }
  }
});

describe('one cell per line with no separators at all', () => {
  it('rebuilds seed 000’s channel table from its label and number lines', () => {
    const d = textToDocument(seed('000_9e20576ddb2ae380.txt'), { name: '000.txt' });
    expect(tables(d)).toHaveLength(1);
    expect(tables(d)[0].rows.slice(1)).toEqual([
      ['公开渠道', '政府网站', '政务微博', '政务微信', '其他方式'],
      ['数量', '6089', '111', '1628', '1381'],
      ['百分比', '71.34%', '1.3%', '19.07%', '16.18%'],
    ]);
  });

  it('groups numbered labels with the numbers that follow them and stops at the next section', () => {
    const d = doc(
      [
        '三、收到和处理政府信息公开申请情况',
        '申请人情况',
        '自然人', '法人或其他组织', '总计',
        '一、本年新收政府信息公开申请数量', '64', '0', '0', '2', '0', '4', '70',
        '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0',
        '四、政府信息公开行政复议、行政诉讼情况',
        '本机关全年未发生行政复议、行政诉讼。',
      ].join('\n'),
    );
    expect(d.blocks[0]).toEqual({ kind: 'heading', level: 2, text: '三、收到和处理政府信息公开申请情况' });
    expect(tables(d)[0].rows.map((r) => r.filter((c) => c !== ''))).toEqual([
      // Header labels are kept in their order; with no row ends there is no telling their rows apart.
      ['申请人情况', '自然人', '法人或其他组织', '总计'],
      ['一、本年新收政府信息公开申请数量', '64', '0', '0', '2', '0', '4', '70'],
      ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(d.blocks.slice(2)).toEqual([
      { kind: 'heading', level: 2, text: '四、政府信息公开行政复议、行政诉讼情况' },
      { kind: 'paragraph', text: '本机关全年未发生行政复议、行政诉讼。' },
    ]);
  });

  it('finds a table after a long stretch of short lines and leaves those lines as text', () => {
    const short = Array.from({ length: 300 }, (_, i) => `第${i + 1}期政务公开简报目录`);
    const d = doc([...short, '申请人情况', '自然人', '总计', '一、本年新收政府信息公开申请数量', '1', '2', '3', '二、上年结转政府信息公开申请数量', '4', '5', '6'].join('\n'));
    const [t] = tables(d);
    expect(t.rows.slice(-2)).toEqual([
      ['一、本年新收政府信息公开申请数量', '1', '2', '3'],
      ['二、上年结转政府信息公开申请数量', '4', '5', '6'],
    ]);
    expect(t.rows.length).toBeLessThanOrEqual(6);
    expect(d.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(290);
  });

  it('reads amounts in 亿元 as number cells', () => {
    const d = doc(['第二十条第（六）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政处罚', '877', '-32', '412', '行政强制', '18', '0', '7', '第二十条第（九）项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购', '311', '2.16亿元', '三、收到和处理政府信息公开申请情况'].join('\n'));
    expect(tables(d)[0].rows.map((r) => r.filter((c) => c !== ''))).toContainEqual(['政府集中采购', '311', '2.16亿元']);
  });

  it('does not make a table of a few dates or a numbered list', () => {
    const d = doc(['工作安排', '一、制定方案', '3', '二、组织培训', '5', '三、总结', '2020'].join('\n'));
    expect(tables(d)).toHaveLength(0);
  });
});

describe('space-aligned tables (pdftotext -layout)', () => {
  /** Lays cells out at fixed display columns, as pdftotext -layout does (Chinese characters are two wide). */
  const STOPS = [0, 36, 46, 56, 66, 80, 94, 102];
  const layout = (cells: (string | undefined)[]) => {
    let line = '';
    let col = 0;
    cells.forEach((c, j) => {
      if (c === undefined) return;
      const pad = Math.max(STOPS[j] - col, j === 0 ? 0 : 2);
      line += ' '.repeat(pad) + c;
      col += pad + [...c].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    });
    return line;
  };

  it('puts the cells of a row with blanks back under their columns', () => {
    const d = doc(
      [
        layout(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']),
        layout(['一、本年新收政府信息公开申请数量', '23', '1', '0', '0', '0', '0', '24']),
        layout(['二、上年结转政府信息公开申请数量', '1', undefined, undefined, undefined, undefined, undefined, '1']),
        layout(['四、结转下年度继续办理', undefined, '1', undefined, undefined, undefined, undefined, '1']),
      ].join('\n'),
    );
    expect(tables(d)[0].rows.slice(1)).toEqual([
      ['一、本年新收政府信息公开申请数量', '23', '1', '0', '0', '0', '0', '24'],
      ['二、上年结转政府信息公开申请数量', '1', '', '', '', '', '', '1'],
      ['四、结转下年度继续办理', '', '1', '', '', '', '', '1'],
    ]);
  });
});

describe('prose wrapped by a fixed-width dump', () => {
  it('joins lines a pdftotext dump wrapped mid-sentence and keeps paragraphs apart', () => {
    const d = doc(
      [
        '      一、总体情况',
        '',
        '      2020年，南海区教育局认真贯彻落实《条例》和省、市、区关于政务公开工作的部署要求，',
        '围绕教育中心工作，扎实推进政府信息公开工作。全年共主动公开政府信息417条，其中通过区',
        '政府门户网站教育局专栏公开302条，通过“南海教育”微信公众号公开115条。全年共受理政府',
        '信息公开申请24件，均在法定期限内予以答复。',
        '      （一）主动公开情况。围绕教育改革发展重点工作，及时公开招生入学、教师招聘等信息，',
        '方便群众查询。',
      ].join('\n'),
    );
    expect(d.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text))).toEqual([
      '一、总体情况',
      '2020年，南海区教育局认真贯彻落实《条例》和省、市、区关于政务公开工作的部署要求，围绕教育中心工作，扎实推进政府信息公开工作。全年共主动公开政府信息417条，其中通过区政府门户网站教育局专栏公开302条，通过“南海教育”微信公众号公开115条。全年共受理政府信息公开申请24件，均在法定期限内予以答复。',
      '（一）主动公开情况。围绕教育改革发展重点工作，及时公开招生入学、教师招聘等信息，方便群众查询。',
    ]);
  });

  it('leaves one-paragraph-per-line text and short unterminated lines alone', () => {
    const d = textToDocument(seed('003_1c25470cf4922d63.txt'), { name: '003.txt' });
    const lines = seed('003_1c25470cf4922d63.txt').split('\n').map((l) => l.trim()).filter(Boolean);
    const paragraphs = d.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    for (const p of paragraphs) expect(lines.some((l) => l.replace(/\s+/g, '') === p.replace(/\s+/g, ''))).toBe(true);
  });
});
