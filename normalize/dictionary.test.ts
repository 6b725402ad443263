import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_PATH, metricDefs, unitOf } from './dictionary.ts';

const SHARED = new URL('../../shared/spec/metrics.tsv', import.meta.url);

describe('metric dictionary', () => {
  it.runIf(existsSync(SHARED))('is an exact copy of ../shared/spec/metrics.tsv', () => {
    expect(readFileSync(DICTIONARY_PATH, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
  });

  it('has unique keys with known units', () => {
    const keys = metricDefs().map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of metricDefs()) expect(['items', 'cases', 'times', 'persons', 'yuan']).toContain(d.unit);
    expect(unitOf('procurement.amount')).toBe('yuan');
    expect(unitOf('review.total')).toBe('cases');
  });
});
