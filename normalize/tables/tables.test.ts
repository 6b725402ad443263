import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../extract/index.ts';
import { loadGridFixture, parseGridFixture } from '../../test/fixtures/tables/load.ts';
import { normalize } from '../index.ts';
import { mapTemplateTables } from './index.ts';
import { matchTable3Row } from './table3-map.ts';

const COLS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
/** `applications.<row>.*` as the seven numbers of its row (undefined where absent). */
const row = (m: Record<string, number>, r: string) => COLS.map((c) => m[`applications.${r}.${c}`]);
const tableMetrics = (name: string, era: 't2019' | 't2021') =>
  Object.fromEntries(mapTemplateTables(loadGridFixture(name), era).details.map((d) => [d.key, d.value]));

describe('t2019 tables flattened to one cell per line (seed 001, rebuilt as left-packed grids)', () => {
  const gold = JSON.parse(readFileSync(new URL('../../test/fixtures/seeds/gold/001_a78cc7a962d3243c.json', import.meta.url), 'utf8'));
  const m = tableMetrics('t2019-flattened.txt', 't2019');

  it('reads every table value of the gold, and nothing the gold does not have', () => {
    for (const [k, v] of Object.entries(m)) expect([k, v]).toEqual([k, gold.metrics[k]]);
    const tableKeys = Object.keys(gold.metrics).filter((k) => !/^litigation\.(upheld|corrected|other|pending|total)$|closed/.test(k));
    for (const k of tableKeys) expect([k, m[k]]).toEqual([k, gold.metrics[k]]);
  });

  it('resolves the wrapped header 本年新/本年新 by position: 制作 then 公开', () => {
    expect([m['normative_docs.issued'], m['normative_docs.published'], m['normative_docs.public_total']]).toEqual([14, 14, 101]);
  });

  it('keeps blank cells of row 四 absent (not 0) and reads the stated ones in their columns', () => {
    expect(row(m, 'carried_forward')).toEqual([undefined, 1, undefined, undefined, undefined, undefined, 1]);
  });

  it('stores 5.637万元 as 56370 yuan', () => {
    expect(m['procurement.amount']).toBe(56370);
  });

  it('says where each number came from', () => {
    const d = mapTemplateTables(loadGridFixture('t2019-flattened.txt'), 't2019').details.find(
      (x) => x.key === 'applications.outcome.withheld.enforcement_file.natural_person',
    )!;
    expect(d).toMatchObject({ value: 1, method: 'table', derived: false, unit: 'items', table: 2, column: '自然人' });
    expect(d.source).toBe('7.属于行政执法案卷 | 自然人 | 1');
  });
});

describe('t2021 tables in several grids (table 二 per 第二十条 item, 三 split in two, 四 as 复议 + 诉讼)', () => {
  const m = tableMetrics('t2021-split.txt', 't2021');

  it('maps table 二 with 2021 columns; 万元 header → yuan; "1,208" → 1208; "—" absent', () => {
    expect([m['normative_docs.issued'], m['normative_docs.repealed'], m['normative_docs.in_force']]).toEqual([4, 1, 23]);
    expect([m['rules.issued'], m['rules.repealed'], m['rules.in_force']]).toEqual([0, 0, 0]);
    expect(m['licensing.decisions']).toBe(1208);
    expect(m['penalty.decisions']).toBe(17);
    expect('coercion.decisions' in m).toBe(false);
    expect(m['fees.amount']).toBe(125000);
  });

  it('matches labels with spaces inside and full-width numbering, and 合计 as the total column', () => {
    expect(row(m, 'new')).toEqual([30, 4, 1, 0, 0, 1, 36]);
  });

  it('continues table 三 in a second grid without a header', () => {
    expect(row(m, 'outcome.unavailable.needs_creation')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(m, 'outcome.not_processed.duplicate')).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(row(m, 'outcome.total')).toEqual([30, 4, 1, 0, 0, 1, 36]);
  });

  it('reads (六)其他处理 as its three 2021 rows, the bare "3.其他" included', () => {
    expect(row(m, 'outcome.other_no_correction')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(m, 'outcome.other_unpaid_fee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(m, 'outcome.other_misc')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect('applications.outcome.other.total' in m).toBe(false); // derived later, not a table value
  });

  it('reads table 四 given as a 行政复议 grid and a 行政诉讼 grid', () => {
    expect([m['review.upheld'], m['review.corrected'], m['review.other'], m['review.pending'], m['review.total']]).toEqual([1, 1, 0, 1, 3]);
    expect(m['litigation.direct.total']).toBe(2);
    expect(m['litigation.after_review.corrected']).toBe(1);
  });
});

describe('HTML portal pages with rowspan/colspan tables (extract → normalize)', () => {
  const parse = async (name: string) => {
    const bytes = readFileSync(new URL(`../../test/fixtures/html/${name}`, import.meta.url));
    return normalize(await extractBytes(bytes, { name }));
  };

  it('t2019 (萍乡): colspan cells in table 二, signed 本年增/减, 8650.43万元, all of 三 and 四', async () => {
    const r = await parse('t2019-pingxiang.html');
    const m = r.metrics;
    expect(r.template).toBe('t2019');
    expect([m['licensing.prev_items'], m['licensing.change'], m['licensing.decisions']]).toEqual([236, -8, 15230]);
    expect([m['other_services.change'], m['fees.prev_items'], m['fees.change']]).toEqual([3, 21, -2]);
    expect([m['procurement.projects'], m['procurement.amount']]).toEqual([156, 86504300]);
    expect(row(m, 'new')).toEqual([120, 15, 2, 1, 3, 4, 145]);
    expect(row(m, 'outcome.unavailable.not_held')).toEqual([30, 3, 1, 1, 1, 1, 37]);
    expect(row(m, 'outcome.other')).toEqual([6, 1, 0, 0, 0, 1, 8]);
    expect(row(m, 'carried_forward')).toEqual([3, 2, 0, 0, 1, 0, 6]);
    expect([m['review.total'], m['litigation.direct.pending'], m['litigation.after_review.upheld']]).toEqual([5, 1, 1]);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('t2021 (湘潭县): 2021 labels, colspan=3 decision cells, fees in 万元, (六) in three rows', async () => {
    const r = await parse('t2021-xiangtan.html');
    const m = r.metrics;
    expect(r.template).toBe('t2021');
    expect([m['normative_docs.issued'], m['normative_docs.repealed'], m['normative_docs.in_force']]).toEqual([9, 3, 57]);
    expect([m['licensing.decisions'], m['penalty.decisions'], m['coercion.decisions']]).toEqual([3186, 412, 25]);
    expect(m['fees.amount']).toBe(3265800);
    expect(row(m, 'outcome.other_misc')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(row(m, 'outcome.total')).toEqual([37, 5, 0, 0, 1, 1, 44]);
    expect(row(m, 'carried_forward')).toEqual([3, 0, 0, 0, 0, 1, 4]);
    expect([m['review.total'], m['litigation.direct.total'], m['litigation.after_review.total']]).toEqual([3, 2, 0]);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('cells that ran together (scraped archives)', () => {
  it('recovers every row of table 三 jointly, 四 by its totals, and a signed 本年增/减', () => {
    const out = mapTemplateTables(loadGridFixture('t2019-concatenated.txt'), 't2019');
    const m = Object.fromEntries(out.details.map((d) => [d.key, d.value]));
    // 101000011 fits its row as 10|1|… and as 1|0|10|…; only the first balances 一+二 = (七)+四.
    expect(row(m, 'new')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(row(m, 'outcome.total')).toEqual([9, 1, 0, 0, 0, 0, 10]);
    expect(row(m, 'carried_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect([m['review.corrected'], m['review.total'], m['litigation.direct.upheld']]).toEqual([2, 2, 1]);
    expect([m['fees.prev_items'], m['fees.change']]).toEqual([5, -2]);
    expect(out.checks.find((c) => c.rule === 't3.recover.new')).toMatchObject({ ok: true });
    const d = out.details.find((x) => x.key === 'applications.new.natural_person')!;
    expect(d.source).toContain('101000011 = 10|1|0|0|0|0|11');
  });

  it('emits nothing for a row whose splits the identities cannot tell apart, and says so', () => {
    const doc = parseGridFixture(
      [
        '# 某县司法局2019年政府信息公开工作年度报告',
        '## 三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量101000011',
        '二、上年结转政府信息公开申请数量0000000',
      ].join('\n'),
    );
    const out = mapTemplateTables(doc, 't2019');
    const keys = out.details.map((d) => d.key);
    expect(keys.filter((k) => k.startsWith('applications.new.'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('applications.carried_over.'))).toHaveLength(7);
    const check = out.checks.find((c) => c.rule === 't3.recover.new')!;
    expect(check.ok).toBe(false);
    expect(check.message).toContain('2 splits fit');
  });
});

describe('the same reports as plain text files, through extract/ (its own table rebuilding)', () => {
  const asText = (name: string, sep = ' | ') =>
    readFileSync(new URL(`../../test/fixtures/tables/${name}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => !/^\[\/?table/.test(l))
      .map((l) => l.replace(/^#+ /, '').split(' | ').join(sep))
      .join('\n');
  const parseText = async (text: string) => normalize(await extractBytes(Buffer.from(text, 'utf8'), { name: 'report.txt' }));

  it('glued table 二 headers ("信息内容上一年项目数量本年增/减") and "5-2" still give 5 and -2', async () => {
    const r = await parseText(asText('t2019-concatenated.txt'));
    expect([r.metrics['fees.prev_items'], r.metrics['fees.change']]).toEqual([5, -2]);
    expect(row(r.metrics, 'new')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('tab-separated 2021 tables with table 四 as a 复议 block and a 诉讼 block', async () => {
    const r = await parseText(asText('t2021-split.txt', '\t'));
    expect(r.template).toBe('t2021');
    expect([r.metrics['review.total'], r.metrics['litigation.direct.total'], r.metrics['litigation.total']]).toEqual([3, 2, 3]);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('columns by header', () => {
  it('reads a simplified table 三 (自然人 | 法人或其他组织 | 总计) by its header, leaving the unsplit column out', () => {
    const caption = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const doc = parseGridFixture(
      [
        '# 某镇人民政府2020年政府信息公开工作年度报告',
        '[table origin=html]',
        `${caption} | ${caption} | 申请人情况 | 申请人情况 | 申请人情况`,
        `${caption} | ${caption} | 自然人 | 法人或其他组织 | 总计`,
        '一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 3 | 1 | 4',
        '三、本年度办理结果 | （一）予以公开 | 3 | 1 | 4',
        '[/table]',
      ].join('\n'),
    );
    const out = mapTemplateTables(doc, 't2019');
    expect(out.details.map((d) => [d.key, d.value])).toEqual([
      ['applications.new.natural_person', 3],
      ['applications.new.total', 4],
      ['applications.outcome.granted.natural_person', 3],
      ['applications.outcome.granted.total', 4],
    ]);
    expect(out.checks).toEqual([]);
  });
});

describe('run-together cells inside an HTML grid with a full header', () => {
  it('recovers "640020470" from one cell instead of reading 640020470 applications', () => {
    const caption = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const orgs = '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他';
    const doc = parseGridFixture(
      [
        '# 某区教育局2019年政府信息公开工作年度报告',
        '[table origin=html]',
        `${caption} | ${caption} | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况`,
        `${caption} | ${caption} | 自然人 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 总计`,
        `${caption} | ${caption} | 自然人 | ${orgs} | 总计`,
        '一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 640020470 |  |  |  |  |  | ',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect(row(m, 'new')).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });
});

describe('table 二 headers wrapped over two rows', () => {
  it('stacks 本年新 over 公开数量/制作数量 and maps columns by the stacked header, not by position', () => {
    const doc = parseGridFixture(
      [
        '# 某县自然资源局2019年政府信息公开工作年度报告',
        '[table origin=html]',
        '第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项',
        '信息内容 | 本年新 | 本年新 | 对外公开',
        '信息内容 | 公开数量 | 制作数量 | 总数量',
        '规章 | 1 | 2 | 3',
        '规范性文件 | 4 | 5 | 60',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['rules.issued'], m['rules.published'], m['rules.public_total']]).toEqual([2, 1, 3]);
    expect([m['normative_docs.issued'], m['normative_docs.published'], m['normative_docs.public_total']]).toEqual([5, 4, 60]);
  });
});

describe('2021 fee amounts', () => {
  const fees = (header: string, cell: string) => {
    const doc = parseGridFixture(['# 某县2021年政府信息公开工作年度报告', '[table origin=html]', header, `行政事业性收费 | ${cell}`, '[/table]'].join('\n'));
    return mapTemplateTables(doc, 't2021').details.find((d) => d.key === 'fees.amount')?.value;
  };

  it('are in 万元 as the template prints them, unless the header or the cell says 元', () => {
    expect(fees('信息内容 | 本年收费金额（单位：万元）', '1.25')).toBe(12500);
    expect(fees('信息内容 | 本年收费金额', '1.25')).toBe(12500);
    expect(fees('信息内容 | 本年收费金额（元）', '350')).toBe(350);
    expect(fees('信息内容 | 本年收费金额（单位：万元）', '350元')).toBe(350);
    expect(fees('信息内容 | 本年收费金额（单位：万元）', '0')).toBe(0);
  });
});

describe('table 四 printed transposed (one row per remedy)', () => {
  it('reads 行政复议 / 未经复议直接起诉 / 复议后起诉 rows against the outcome header', () => {
    const doc = parseGridFixture(
      [
        '# 某市生态环境局2021年政府信息公开工作年度报告',
        '## 四、政府信息公开行政复议、行政诉讼情况',
        '[table origin=html]',
        '类别 | 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
        '行政复议 | 行政复议 | 1 | 2 | 0 | 0 | 3',
        '行政诉讼 | 未经复议直接起诉 | 0 | 1 | 0 | 1 | 2',
        '行政诉讼 | 复议后起诉 | 1 | 0 | 0 | 0 | 1',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2021').details.map((d) => [d.key, d.value]));
    expect([m['review.upheld'], m['review.corrected'], m['review.total']]).toEqual([1, 2, 3]);
    expect([m['litigation.direct.corrected'], m['litigation.direct.pending'], m['litigation.direct.total']]).toEqual([1, 1, 2]);
    expect([m['litigation.after_review.upheld'], m['litigation.after_review.total']]).toEqual([1, 1]);
  });
});

describe('text from PDFs (pdftotext -layout): wrapped labels and headers', () => {
  const parseText = async (text: string) => normalize(await extractBytes(Buffer.from(text, 'utf8'), { name: 'report.txt' }));
  const zeros = '     0      0      0      0       0      0      0';
  const report = [
    '                 某区教育局2020年政府信息公开工作年度报告',
    '      二、主动公开政府信息情况',
    '                                     第二十条第（一）项',
    '                                    本年新         本年新',
    '         信息内容                                                对外公开总数量',
    '                                   制作数量       公开数量',
    '           规章                       0              0                 0',
    '      规范性文件                      3              3                 19',
    '      三、收到和处理政府信息公开申请情况',
    '    一、本年新收政府信息公开申请数量                    3      0      0      0       0      0      3',
    '    二、上年结转政府信息公开申请数量                    0      0      0      0       0      0      0',
    '                   （一）予以公开                       2      0      0      0       0      0      2',
    '                               1．属于国家秘密      ' + zeros,
    '                               2．其他法律行政法规',
    zeros,
    '                               禁止公开',
    '                               5．要求行政机关确认或重新出',
    '     1      0      0      0       0      0      1',
    '                               具已获取信息',
    '                   （七）总计                           3      0      0      0       0      0      3',
  ].join('\n');

  it('reads a row whose label wrapped around a line holding only its numbers', async () => {
    const r = await parseText(report);
    expect(row(r.metrics, 'outcome.withheld.prohibited_by_law')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(r.metrics, 'outcome.not_processed.confirm_reissue')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads a row whose numbers sit on the middle line of a label wrapped over three lines', async () => {
    const r = await parseText(
      [
        '                  某县人民政府2021年政府信息公开工作年度报告',
        '    一、本年新收政府信息公开申请数量                    5      0      0      0       0      0      5',
        '    二、上年结转政府信息公开申请数量                    0      0      0      0       0      0      0',
        '                       （二）部分公开（区分处理的，只计',
        '                       这一情形，不计其他情形）         1      0      0      0       0      0      1',
        '                                 1．申请人无正当理由逾期不',
        '                                 补正、行政机关不再处理其       3      1      0      0       0      0      4',
        '                                 政府信息公开申请',
        '                       （六）其他  2．申请人逾期未按收费通知要',
        '                       处理        求缴纳费用、行政机关不再处    0      0      0      0       0      0      0',
        '                                 理其政府信息公开申请',
        '                                 3．其他                         0      0      0      0       0      0      0',
      ].join('\n'),
    );
    expect(row(r.metrics, 'outcome.partial')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(r.metrics, 'outcome.other_no_correction')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(row(r.metrics, 'outcome.other_unpaid_fee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('reads table 二 in template order when the wrapped header names fewer columns than the row has numbers', async () => {
    const r = await parseText(report);
    expect([r.metrics['normative_docs.issued'], r.metrics['normative_docs.published'], r.metrics['normative_docs.public_total']]).toEqual([3, 3, 19]);
    expect([r.metrics['rules.issued'], r.metrics['rules.published'], r.metrics['rules.public_total']]).toEqual([0, 0, 0]);
  });
});

describe('本年增/减 written out in words', () => {
  it('reads 增加57 and 减少3 as signed changes beside the other columns', () => {
    const doc = parseGridFixture(
      [
        '# 某区市场监督管理局2019年政府信息公开工作年度报告',
        '[table origin=html]',
        '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量',
        '行政许可 | 41 | 减少3 | 9683',
        '行政处罚 | 2136 | 增加57 | 318',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['licensing.prev_items'], m['licensing.change'], m['licensing.decisions']]).toEqual([41, -3, 9683]);
    expect([m['penalty.prev_items'], m['penalty.change'], m['penalty.decisions']]).toEqual([2136, 57, 318]);
  });
});

describe('table 三 printed on its side (a column per template row, a row per applicant)', () => {
  const O = '三、本年度办理结果';
  const grid = (rows: string[]) =>
    parseGridFixture(['# 某区农业农村局2020年政府信息公开工作年度报告', '[table origin=html]', ...rows, '[/table]'].join('\n'));
  const header = [
    `申请人情况 | 申请人情况 | 一、本年新收政府信息公开申请数量 | 二、上年结转政府信息公开申请数量 | ${O} | ${O} | ${O} | ${O} | 四、结转下年度继续办理`,
    `申请人情况 | 申请人情况 | 一、本年新收政府信息公开申请数量 | 二、上年结转政府信息公开申请数量 | （一）予以公开 | （三）不予公开 | （三）不予公开 | （七）总计 | 四、结转下年度继续办理`,
    `申请人情况 | 申请人情况 | 一、本年新收政府信息公开申请数量 | 二、上年结转政府信息公开申请数量 | （一）予以公开 | 1.属于国家秘密 | 4.保护第三方合法权益 | （七）总计 | 四、结转下年度继续办理`,
  ];

  it('reads each applicant row against the column it stands under, 总计 row included', () => {
    const doc = grid([
      ...header,
      '自然人 | 自然人 | 8 | 1 | 6 | 0 | 1 | 7 | 2',
      '法人或其他组织 | 商业企业 | 2 | 0 | 2 | 0 | 0 | 2 | 0',
      '法人或其他组织 | 其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '总计 | 总计 | 10 | 1 | 8 | 0 | 1 | 9 | 2',
    ]);
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['applications.new.natural_person'], m['applications.new.commercial'], m['applications.new.other_org'], m['applications.new.total']]).toEqual([8, 2, 0, 10]);
    expect([m['applications.outcome.withheld.third_party.natural_person'], m['applications.outcome.withheld.state_secret.total']]).toEqual([1, 0]);
    expect([m['applications.outcome.total.total'], m['applications.carried_forward.natural_person']]).toEqual([9, 2]);
    expect(m['applications.new.research']).toBeUndefined();
  });

  it('leaves the usual orientation alone: a 总计 row label there is (七)总计', () => {
    const doc = grid([
      '申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
      '一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3',
      '总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3',
    ]);
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['applications.new.total'], m['applications.outcome.total.total']]).toEqual([3, 3]);
  });
});

describe('table 三 item labels written out in full', () => {
  it('reads 危及国家安全、公共安全、经济安全和社会稳定 as the 三安全一稳定 row', () => {
    const doc = parseGridFixture(
      [
        '# 某县应急管理局2020年政府信息公开工作年度报告',
        '[table origin=html]',
        '申请人情况 | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
        '（三）不予公开 | 2.其他法律、行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
        '（三）不予公开 | 3.危及国家安全、公共安全、经济安全和社会稳定 | 2 | 1 | 0 | 0 | 0 | 0 | 3',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect(row(m, 'outcome.withheld.security_stability')).toEqual([2, 1, 0, 0, 0, 0, 3]);
  });
});

describe('headers that lost cells in the scrape', () => {
  it('reads fifteen table 四 numbers as the whole table even when only the 诉讼 header survived', () => {
    const doc = parseGridFixture(
      [
        '# 某区人民政府2019年政府信息公开工作年度报告',
        '## 四、政府信息公开行政复议、行政诉讼情况',
        '[table origin=text]',
        '未经复议直接起诉 | 复议后起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |  |  | ',
        '4 | 1 | 1 | 1 | 7 | 2 | 0 | 1 | 1 | 4 | 1 | 0 | 0 | 0 | 1',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['review.upheld'], m['review.total'], m['litigation.direct.total'], m['litigation.after_review.total']]).toEqual([4, 7, 4, 1]);
  });

  it('reads a table 二 row in order under a left-packed header (its 信息内容 cell on another line)', () => {
    const doc = parseGridFixture(
      [
        '# 某区人民政府2019年政府信息公开工作年度报告',
        '[table origin=text]',
        '第二十条第（九）项 |  | ',
        '信息内容 |  | ',
        '采购项目数量 | 采购总金额 | ',
        '政府集中采购 | 311 | 84.5万元',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2019').details.map((d) => [d.key, d.value]));
    expect([m['procurement.projects'], m['procurement.amount']]).toEqual([311, 845000]);
  });
});

describe('a header that does not line up with the row below it', () => {
  it('reads a row shifted under a repeated header by position, not by the header (table split, spanned label cell lost)', () => {
    const cap = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const doc = parseGridFixture(
      [
        '# 某市某局2021年政府信息公开工作年度报告',
        '[table origin=html]',
        `${cap} | ${cap} | ${cap} | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况`,
        `${cap} | ${cap} | ${cap} | 自然人 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 总计`,
        `${cap} | ${cap} | ${cap} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计`,
        '（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
        '[/table]',
      ].join('\n'),
    );
    const m = Object.fromEntries(mapTemplateTables(doc, 't2021').details.map((d) => [d.key, d.value]));
    expect(row(m, 'outcome.unavailable.not_held')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe('table 三 row labels', () => {
  it('finds 3.其他 under (六)其他处理 even behind the glyphs of a vertical group label', () => {
    const ctx = {};
    expect(matchTable3Row(['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'], ctx)?.key).toBe('outcome.other_no_correction');
    expect(matchTable3Row(['其他'], ctx)?.key).toBe('outcome.other_misc');
    expect(matchTable3Row(['处理3.其他'], ctx)?.key).toBe('outcome.other_misc');
    // Outside (六) a bare 其他 is not that row.
    expect(matchTable3Row(['处理3.其他'], {})).toBeUndefined();
  });
});
