import { describe, expect, it } from 'vitest';
import { deriveMetrics } from './derived.ts';

describe('deriveMetrics', () => {
  it('adds litigation.* = direct + after_review, marked derived with the formula', () => {
    const out = deriveMetrics(
      { 'litigation.direct.upheld': 1, 'litigation.after_review.upheld': 2, 'litigation.direct.total': 1, 'litigation.after_review.total': 2 },
      't2019',
    );
    expect(out).toEqual([
      { key: 'litigation.upheld', value: 3, unit: 'cases', qualifier: 'exact', derived: true, method: 'derived',
        source: 'litigation.direct.upheld + litigation.after_review.upheld = 1 + 2 = 3' },
      { key: 'litigation.total', value: 3, unit: 'cases', qualifier: 'exact', derived: true, method: 'derived',
        source: 'litigation.direct.total + litigation.after_review.total = 1 + 2 = 3' },
    ]);
  });

  it('adds 2021 outcome.other.<col> only when all three rows state the column', () => {
    const out = deriveMetrics(
      {
        'applications.outcome.other_no_correction.total': 2, 'applications.outcome.other_unpaid_fee.total': 0, 'applications.outcome.other_misc.total': 2,
        'applications.outcome.other_no_correction.commercial': 1, 'applications.outcome.other_misc.commercial': 1,
      },
      't2021',
    );
    expect(out.map((d) => [d.key, d.value])).toEqual([['applications.outcome.other.total', 4]]);
  });

  it('never derives over a stated value, nor for pre2019 reports', () => {
    expect(deriveMetrics({ 'litigation.direct.total': 1, 'litigation.after_review.total': 0, 'litigation.total': 5 }, 't2019')).toEqual([]);
    expect(deriveMetrics({ 'litigation.direct.total': 1, 'litigation.after_review.total': 0 }, 'pre2019')).toEqual([]);
  });
});
