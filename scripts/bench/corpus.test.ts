// The benchmark corpus is only worth measuring if it looks like real reports and its planted
// numbers obey the template's own identities — and if the same seed gives the same bytes.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { generateItem, loadSources, varyProse } from './corpus.ts';
import { makeTemplateValues, APPLICANT_COLUMNS, OUTCOME_ROWS } from './template-values.ts';
import { mulberry32 } from './prng.ts';
import { isMetricKey } from '../../normalize/dictionary.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = loadSources(root);
const cols = [...APPLICANT_COLUMNS, 'total'];

describe('benchmark corpus generator', () => {
  it('gives the same bytes for the same seed and index, and other bytes for another seed', () => {
    const a = generateItem(1, 42, src);
    expect(generateItem(1, 42, src).bytes).toEqual(a.bytes);
    expect(generateItem(2, 42, src).bytes).not.toEqual(a.bytes);
  });

  it.each(['t2019', 't2021'] as const)('plants %s numbers that satisfy every table identity', (era) => {
    for (let seed = 1; seed <= 50; seed++) {
      const m = makeTemplateValues(mulberry32(seed), era).expected;
      const outcome = OUTCOME_ROWS[era].map(([k]) => k);
      for (const c of cols) {
        const g = (k: string) => m[`applications.${k}.${c}`];
        expect(g('new') + g('carried_over')).toBe(g('outcome.total') + g('carried_forward'));
        expect(outcome.reduce((s, k) => s + g(`outcome.${k}`), 0)).toBe(g('outcome.total'));
        expect(g('new')).toBeGreaterThanOrEqual(0);
      }
      for (const row of ['new', 'carried_over', 'outcome.granted', 'outcome.total', 'carried_forward']) {
        const sum = APPLICANT_COLUMNS.reduce((s, c) => s + m[`applications.${row}.${c}`], 0);
        expect(m[`applications.${row}.total`]).toBe(sum);
      }
      for (const t of ['review', 'litigation.direct', 'litigation.after_review']) {
        expect(m[`${t}.total`]).toBe(m[`${t}.upheld`] + m[`${t}.corrected`] + m[`${t}.other`] + m[`${t}.pending`]);
      }
      for (const key of Object.keys(m)) expect(isMetricKey(key), key).toBe(true);
    }
  });

  it('renders template reports as portal pages with the template tables, some in GBK', () => {
    const items = Array.from({ length: 200 }, (_, i) => generateItem(1, i, src));
    const html = items.filter((i) => i.format === 'html' && i.expected);
    expect(html.length).toBeGreaterThan(30);
    const gbk = html.filter((i) => /charset=gb2312/.test(new TextDecoder('latin1').decode(i.bytes.slice(0, 300))));
    expect(gbk.length).toBeGreaterThan(0);
    const page = new TextDecoder().decode(html.find((i) => !gbk.includes(i))!.bytes);
    expect(page).toContain('rowspan="');
    expect(page).toContain('三、本年度办理结果');
    expect(page).toContain('扫一扫在手机打开当前页');
    const eras = new Set(items.map((i) => `${i.format}/${i.era}`));
    for (const k of ['html/t2019', 'html/t2021', 'html/pre2019', 'text/t2019', 'text/t2021', 'text/pre2019']) expect(eras).toContain(k);
  });

  it('changes counted numbers in prose but never years, dates or document numbers', () => {
    const text = '2017年度，区政府通过门户网站公开信息590条，受理申请164 件（国办发〔2019〕14号，2018年3月1日）。';
    const varied = varyProse(mulberry32(3), text);
    expect(varied).toContain('2017年度');
    expect(varied).toContain('〔2019〕14号');
    expect(varied).toContain('2018年3月1日');
    expect(varied).not.toBe(text);
    expect(varied).toMatch(/公开信息\d+条，受理申请\d+ 件/);
  });
});
