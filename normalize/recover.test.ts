import { describe, expect, it } from 'vitest';
import { enumerateSplits, solveJointly, splitAtSigns } from './recover.ts';

const rowSum = (v: number[]) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];

describe('enumerateSplits', () => {
  it('recovers the issue example 640020470 as 64|0|0|2|0|4|70 with the row identity', () => {
    expect(enumerateSplits(['640020470'], 7, rowSum)).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
  });

  it('never gives a part a leading zero, and keeps known cell boundaries', () => {
    const all = enumerateSplits(['1005'], 2)!;
    expect(all).toEqual([[100, 5]]); // 1|005, 10|05 are not numbers a table prints
    expect(enumerateSplits(['12', '3'], 2)).toEqual([[12, 3]]);
    expect(enumerateSplits(['12', '3'], 3)).toEqual([[1, 2, 3]]);
  });

  it('finds every split that fits: 101000011 is 10|1|… or 1|0|10|…', () => {
    expect(enumerateSplits(['101000011'], 7, rowSum)).toEqual([
      [1, 0, 10, 0, 0, 0, 11],
      [10, 1, 0, 0, 0, 0, 11],
    ]);
  });

  it('reads a 15-digit table 四 row cell by cell, and keeps a sign on its part', () => {
    expect(enumerateSplits(['020021000100000'], 15)).toEqual([[0, 2, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]]);
    expect(enumerateSplits(['5', '-2'], 2)).toEqual([[5, -2]]);
  });

  it('gives up (undefined) instead of running away on a very long digit run', () => {
    expect(enumerateSplits(['1'.repeat(60)], 15, () => true, 10_000)).toBeUndefined();
  });
});

describe('solveJointly', () => {
  it('uses a column identity to choose between two splits that both fit their row', () => {
    // new row ambiguous; new + carried_over(0) = total(9) + carried_forward(1) in column 0
    const res = solveJointly(
      [{ id: 'new', candidates: [[1, 0, 10, 0, 0, 0, 11], [10, 1, 0, 0, 0, 0, 11]] }],
      [{ terms: [{ id: 'new', index: 0, coefficient: 1 }], constant: -10 }],
    );
    expect(res.get('new')).toEqual({ values: [10, 1, 0, 0, 0, 0, 11], surviving: 1 });
  });

  it('leaves a row unresolved, with the count, when the identities cannot tell', () => {
    const res = solveJointly([{ id: 'new', candidates: [[1, 0, 10, 0, 0, 0, 11], [10, 1, 0, 0, 0, 0, 11]] }], []);
    expect(res.get('new')).toEqual({ surviving: 2 });
  });
});

describe('splitAtSigns', () => {
  it('starts a new cell at each sign of a run-together 本年增/减', () => {
    expect(splitAtSigns('120+1036')).toEqual(['120', '+1036']);
    expect(splitAtSigns('45-8')).toEqual(['45', '-8']);
  });
});
