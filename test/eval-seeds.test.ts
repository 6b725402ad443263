// The acceptance bar: the five real seed reports, parsed end to end by the same code as
// `ogi parse`, match their hand-checked gold labels exactly.
import { describe, expect, it } from 'vitest';
import { evaluateDirs, formatSummary } from '../scripts/eval.ts';

const SEEDS = new URL('./fixtures/seeds/', import.meta.url).pathname;

describe('ogi eval on the seed reports', () => {
  it('gets every metric and every metadata field right', async () => {
    const summary = await evaluateDirs(`${SEEDS}gold`, SEEDS);
    const table = formatSummary(summary, { verbose: true });
    expect(summary.reports).toHaveLength(5);
    expect(summary.failures, table).toBe(0);
    expect(summary.f1, table).toBe(1);
    expect(summary.approx.ok, table).toBe(summary.approx.total);
    for (const field of ['year', 'region', 'template', 'agency_kind', 'agency'] as const) {
      expect(summary.meta[field].ok, `${field}\n${table}`).toBe(5);
    }
  });
});
