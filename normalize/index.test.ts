import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../extract/index.ts';
import { loadGridFixture, parseGridFixture } from '../test/fixtures/tables/load.ts';
import { isMetricKey } from './dictionary.ts';
import { mergeProse, normalize } from './index.ts';
import { NotAReportError, type Check, type MetricDetail } from './types.ts';

const SEEDS = new URL('../test/fixtures/seeds/', import.meta.url);

async function parseSeed(file: string) {
  const bytes = readFileSync(new URL(file, SEEDS));
  return normalize(await extractBytes(bytes, { name: file }));
}

describe('normalize on the seed reports', () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

  it.each(files)('%s: every gold metric right, nothing extra, the right template', async (file) => {
    const gold = JSON.parse(readFileSync(new URL(`gold/${file.replace(/\.txt$/, '.json')}`, SEEDS), 'utf8'));
    const r = await parseSeed(file);
    expect(r.template).toBe(gold.template);
    for (const [k, v] of Object.entries(gold.metrics)) expect([k, r.metrics[k]]).toEqual([k, v]);
    const extra = Object.keys(r.metrics).filter((k) => !(k in gold.metrics) && !gold.ignore.includes(k));
    expect(extra).toEqual([]);
  });

  it('seed 001: the table wins, the narrative fills applications.closed, identities all hold', async () => {
    const r = await parseSeed('001_a78cc7a962d3243c.txt');
    expect(r.metrics['applications.closed']).toBe(19);
    expect(r.details.find((d) => d.key === 'applications.new.total')?.method).toBe('table');
    expect(r.checks.find((c) => c.rule === 't3.balance.total')).toEqual({ rule: 't3.balance.total', ok: true, message: '20 + 2 = 21 + 1' });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('the report it builds', () => {
  it('emits only dictionary keys, each with its unit and provenance, metrics = details', () => {
    for (const name of ['t2019-flattened.txt', 't2021-split.txt', 't2019-concatenated.txt']) {
      const r = normalize(loadGridFixture(name));
      for (const d of r.details) {
        expect(isMetricKey(d.key), d.key).toBe(true);
        expect(d.source.length).toBeGreaterThan(0);
        expect(r.metrics[d.key]).toBe(d.value);
      }
      expect(Object.keys(r.metrics).length).toBe(r.details.length);
    }
  });

  it('derives 2021 (六)其他处理 and the litigation totals, marked derived', () => {
    const r = normalize(loadGridFixture('t2021-split.txt'));
    expect(r.template).toBe('t2021');
    const other = r.details.find((d) => d.key === 'applications.outcome.other.commercial')!;
    expect(other).toMatchObject({ value: 1, derived: true, method: 'derived' });
    expect(r.metrics['litigation.total']).toBe(3);
    expect(r.checks.find((c) => c.rule === 't3.outcome_sum.total')).toMatchObject({ ok: true });
  });

  it('throws NotAReportError with one clear sentence for a 政府工作报告', () => {
    const doc = parseGridFixture(
      ['# 2020年萍乡市人民政府工作报告', '各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协各位委员提出意见。'.repeat(5)].join('\n'),
      'gzbg.html',
    );
    expect(() => normalize(doc)).toThrow(NotAReportError);
    expect(() => normalize(doc)).toThrow(/政府工作报告/);
  });
});

describe('prose against table-derived keys', () => {
  it('keeps litigation.total derived from table 四 when the text says otherwise, and flags it', () => {
    const text = readFileSync(new URL('../test/fixtures/tables/t2019-flattened.txt', import.meta.url), 'utf8').replace(
      '## 五、存在的主要问题及改进情况',
      '全年发生政府信息公开行政诉讼3件。\n## 五、存在的主要问题及改进情况',
    );
    const r = normalize(parseGridFixture(text));
    expect(r.details.find((d) => d.key === 'litigation.total')).toMatchObject({ value: 1, method: 'derived' });
    expect(r.checks.find((c) => c.rule === 'prose.vs.table.litigation.total')).toMatchObject({ ok: false });
  });
});

describe('mergeProse', () => {
  const detail = (key: string, value: number, method: 'table' | 'prose', source: string): MetricDetail => ({
    key, value, unit: 'items', qualifier: 'exact', derived: false, method, source,
  });

  it('keeps the table number on disagreement and records a failed check; prose fills missing keys', () => {
    const checks: Check[] = [];
    const out = mergeProse(
      [detail('applications.new.total', 20, 'table', '一、本年新收政府信息公开申请数量 | 总计 | 20')],
      [detail('applications.new.total', 21, 'prose', '受理政府信息公开申请21件'), detail('applications.closed', 19, 'prose', '办结19件')],
      checks,
    );
    expect(out.map((d) => [d.key, d.value, d.method])).toEqual([
      ['applications.new.total', 20, 'table'],
      ['applications.closed', 19, 'prose'],
    ]);
    expect(checks).toEqual([
      {
        rule: 'prose.vs.table.applications.new.total',
        ok: false,
        message: 'table says 20, text says 21 ("受理政府信息公开申请21件"); the table\'s number is kept',
      },
    ]);
  });
});

describe('template reports restating table 三 in prose', () => {
  it('does not emit the pre-2019 reply.* keys from a summary sentence', async () => {
    const { normalize } = await import('./index.ts');
    const { readFileSync } = await import('node:fs');
    const { extractBytes } = await import('../extract/index.ts');
    const text = readFileSync(new URL('../test/fixtures/seeds/001_a78cc7a962d3243c.txt', import.meta.url), 'utf8')
      .replace('(二)规范权力运行过程', '(二)依申请公开。全年共收到依申请公开20件，其中予以公开6件，部分公开3件，无法提供10件。\n(二)规范权力运行过程');
    const report = normalize(await extractBytes(Buffer.from(text), { name: 'summary.txt' }));
    expect(report.template).toBe('t2019');
    expect(report.metrics['applications.outcome.partial.total']).toBe(3);
    expect(Object.keys(report.metrics).filter((k) => k.startsWith('reply.'))).toEqual([]);
  });
});

describe('template reports whose tables are images', () => {
  it('reads the rows of table 三 the summary names (予以公开28件，部分公开5件) as their 总计', () => {
    const lines = [
      '湄潭县2020年政府信息公开工作年度报告',
      '一、总体情况',
      '2020年，全县主动公开政府信息12,856条。全年共收到政府信息公开申请47件，上年结转2件。其中予以公开28件，部分公开5件，不予公开3件，无法提供6件，结转下年度继续办理4件。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const report = normalize({
      blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
      source: { name: 'meitan.html', format: 'html' },
      warnings: [],
    });
    expect(report.template).toBe('t2019');
    expect(report.metrics).toMatchObject({
      'applications.new.total': 47,
      'applications.outcome.granted.total': 28,
      'applications.outcome.partial.total': 5,
    });
    expect(Object.keys(report.metrics).filter((k) => k.startsWith('reply.'))).toEqual([]);
  });
});

describe('documents read by OCR', () => {
  it('marks every stated number low-confidence and still checks the identities', async () => {
    const { normalize } = await import('./index.ts');
    const text = readFileSync(new URL('../test/fixtures/seeds/001_a78cc7a962d3243c.txt', import.meta.url), 'utf8');
    const doc = await extractBytes(Buffer.from(text), { name: 'scan.pdf' });
    const plain = normalize(doc);
    const scanned = normalize({ ...doc, source: { ...doc.source, ocr: true } });
    expect(scanned.metrics).toEqual(plain.metrics);
    const stated = scanned.details.filter((d) => !d.derived);
    expect(stated.length).toBeGreaterThan(100);
    expect(new Set(stated.map((d) => d.qualifier))).toEqual(new Set(['low']));
    expect(scanned.checks).toEqual(plain.checks);
    expect(scanned.checks.filter((c) => c.rule.startsWith('t3.')).length).toBeGreaterThan(20);
  });
});
