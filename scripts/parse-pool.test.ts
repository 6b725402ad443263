import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startParsePool, type ParsePool } from './parse-pool.ts';
import { parseDocument } from './parse-document.ts';

const fixture = (path: string) => readFileSync(new URL(`../test/fixtures/${path}`, import.meta.url));
const pools: ParsePool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('the parse pool (worker threads)', () => {
  it('gives exactly the result of parsing in the main thread, for every outcome', async () => {
    const pool = await startParsePool({ size: 2 });
    pools.push(pool);
    const inputs: Array<[Buffer, string, string | undefined]> = [
      [fixture('seeds/003_1c25470cf4922d63.txt'), 'http://www.cqkz.gov.cn/nb/2017.txt', 'text/plain'],
      [fixture('html/t2021-xiangtan.html'), 'http://www.xiangtan.gov.cn/nb/2021.html', 'text/html'],
      [fixture('html/not-report-gzbg.html'), 'http://www.example.gov.cn/gzbg.html', 'text/html'],
      [Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254]), 'http://www.example.gov.cn/x.bin', undefined],
    ];
    const pooled = await Promise.all(inputs.map(([b, n, c]) => pool.parse(b, n, c)));
    const inline = await Promise.all(inputs.map(([b, n, c]) => parseDocument(b, n, c)));
    expect(pooled).toEqual(inline);
    expect(pooled.map((r) => (r.ok ? r.report.template : r.failure))).toEqual(['pre2019', 't2021', 'not_a_report', 'unreadable']);
  });

  it('records a parse that exceeds the time limit as a timeout and keeps serving', async () => {
    const pool = await startParsePool({ size: 1, timeoutMs: 1 });
    pools.push(pool);
    const pdf = fixture('docs/t2019-mudanjiang.pdf');
    const first = await pool.parse(pdf, 'http://www.mdj.gov.cn/nb/2019.pdf', 'application/pdf');
    expect(first).toEqual({ ok: false, failure: 'parse_timeout', message: 'parsing took longer than 0.001 s; skipped' });
    // The stuck worker was replaced: the pool still answers.
    const second = await pool.parse(pdf, 'http://www.mdj.gov.cn/nb/2019.pdf', 'application/pdf');
    expect(second).toMatchObject({ ok: false, failure: 'parse_timeout' });
  });
});
