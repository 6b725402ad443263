import { describe, expect, it } from 'vitest';
import type { Report } from '../normalize/types.ts';
import { EvalUsageError, evaluateDirs, formatSummary, scoreReport, summarize, type Gold } from './eval.ts';

const gold: Gold = {
  file: '002.txt',
  year: 2017,
  region: { name: '滨江区', code: '330108' },
  agency: '杭州市滨江区人民政府',
  agency_kind: 'government',
  template: 'pre2019',
  metrics: { 'proactive.total': 1600, 'review.total': 12, 'review.upheld': 4, 'litigation.total': 6 },
  approx: ['proactive.total'],
  ignore: ['fees.waived'],
};

function report(metrics: Record<string, number>, over: Partial<Report> = {}): Report {
  return {
    file: '002.txt', year: 2017, region: { name: '滨江区', code: '330108' }, agency: '杭州市滨江区人民政府',
    agency_kind: 'government', template: 'pre2019', metrics, checks: [],
    details: Object.entries(metrics).map(([key, value]) => ({
      key, value, unit: 'items' as const, qualifier: key === 'proactive.total' ? ('approx' as const) : ('exact' as const),
      derived: false, method: 'prose' as const, source: '',
    })),
    ...over,
  };
}

describe('scoring a report against its gold labels', () => {
  it('counts right, wrong, missed and extra keys; ignored keys count for nothing', () => {
    const s = scoreReport(gold, report({
      'proactive.total': 1600, 'review.total': 12, 'review.upheld': 5, // wrong
      'fees.waived': 0, // ignored
      'training.sessions': 1, // extra
    })); // litigation.total missed
    expect([s.tp, s.fp, s.fn]).toEqual([2, 2, 2]);
    expect(s.wrong).toEqual([{ key: 'review.upheld', gold: 4, got: 5 }]);
    expect(s.misses).toEqual([{ key: 'litigation.total', gold: 6 }]);
    expect(s.extras).toEqual([{ key: 'training.sessions', got: 1 }]);
    expect(s.approx).toEqual({ total: 1, ok: 1, missing: [] });
  });

  it('reports a number without its approx qualifier separately from F1', () => {
    const r = report({ 'proactive.total': 1600, 'review.total': 12, 'review.upheld': 4, 'litigation.total': 6 });
    r.details[0].qualifier = 'exact';
    const s = scoreReport(gold, r);
    expect(s.tp).toBe(4);
    expect(s.approx.missing).toEqual(['proactive.total']);
  });

  it('scores metadata field by field', () => {
    const s = scoreReport(gold, report({}, { region: { name: '滨江区', code: '330100' }, agency_kind: 'department' }));
    expect(Object.fromEntries(Object.entries(s.meta).map(([k, v]) => [k, v.ok]))).toEqual({
      year: true, region: false, template: true, agency_kind: false, agency: true,
    });
  });

  it('a file that did not parse misses everything', () => {
    const s = scoreReport(gold, undefined, 'not UTF-8 text');
    expect([s.tp, s.fp, s.fn]).toEqual([0, 0, 4]);
    expect(s.failure).toBe('not UTF-8 text');
  });

  it('micro-averages over reports and ends the table with F1 and metadata accuracy', () => {
    const perfect = scoreReport(gold, report({ 'proactive.total': 1600, 'review.total': 12, 'review.upheld': 4, 'litigation.total': 6 }));
    const half = scoreReport({ ...gold, file: '003.txt' }, report({ 'proactive.total': 1600, 'review.total': 12 }, { year: 2018 }));
    const sum = summarize([perfect, half]);
    expect(sum.precision).toBe(1);
    expect(sum.recall).toBe(6 / 8);
    expect(sum.f1).toBeCloseTo((2 * 0.75) / 1.75, 10);
    expect(sum.metaAccuracy).toBe(9 / 10);
    const lines = formatSummary(sum, { verbose: true }).split('\n');
    expect(lines.slice(-2)).toEqual(['F1 0.857', 'metadata accuracy 0.900']);
    expect(lines).toContain('    miss   review.upheld = 4');
    expect(lines).toContain('    meta   year = 2018 (gold 2017)');
  });
});

describe('usage errors', () => {
  it('names the directory that is missing', async () => {
    await expect(evaluateDirs('/nonexistent/gold', '.')).rejects.toThrow(EvalUsageError);
    await expect(evaluateDirs('/nonexistent/gold', '.')).rejects.toThrow('--gold /nonexistent/gold: not a directory');
  });
});
