// Number reading: text in, typed number out. Pure. (Owner: numbers/prose work — extend freely,
// keep the exported signatures.)
import type { Qualifier } from './types.ts';

export interface ParsedNumber {
  value: number;
  qualifier: Qualifier;
  /** The text the number was read from. */
  raw: string;
}

/**
 * A table cell → number. Blank, "—", "/", "-" → undefined (not stated). "无" → 0.
 * Money cells ("5.637万元") come back in yuan when `money` is set.
 */
export function parseCell(text: string, opts: { money?: boolean } = {}): ParsedNumber | undefined {
  const raw = text;
  let t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (t === '' || /^[—–\-/／\\…]+$/.test(t)) return undefined;
  if (/^(无|没有|未发生|均为0)$/.test(t)) return { value: 0, qualifier: 'exact', raw };
  let mult = 1;
  const wan = /万元?$/.test(t);
  const yi = /亿元?$/.test(t);
  t = t.replace(/(万|亿)?(元|件|条|个|项|次|人|份)?$/, '');
  if (wan) mult = 10_000;
  if (yi) mult = 100_000_000;
  if (opts.money && !wan && !yi && /元$/.test(raw.trim())) mult = 1;
  const m = /^([+-]?)(\d+(?:\.\d+)?)$/.exec(t);
  if (!m) return undefined;
  const value = Math.round(Number(m[2]) * mult * 100) / 100;
  return { value: m[1] === '-' ? -value : value, qualifier: 'exact', raw };
}
