// The accounting identities of the spec, evaluated on a report's metrics. A check whose inputs
// are not all stated is skipped (absent is not 0). Checks are data: they never change a number.
import { OUTCOME_ROWS_2019, OUTCOME_ROWS_SPLIT, T3_COLUMN_KEYS, T3_ROW_KEYS } from './tables/table3.ts';
import type { Check, Era } from './types.ts';

type Metrics = Readonly<Record<string, number>>;

/** The rows (七)总计 adds up; 其他处理 is one row (2019) or the sum of three (2021, derived). */
const T4_BLOCKS = ['review', 'litigation.direct', 'litigation.after_review'];
const PRE_CHANNELS = ['proactive.channel.gazette', 'proactive.channel.website', 'proactive.channel.weibo', 'proactive.channel.wechat', 'proactive.channel.other'];
const PRE_REPLIES = [
  'reply.already_public',
  'reply.granted',
  'reply.partial',
  'reply.refused',
  'reply.not_this_agency',
  'reply.not_exist',
  'reply.correction',
  'reply.other_channel',
];

/** Values of all keys, or undefined when one is not stated. */
function all(m: Metrics, keys: string[]): number[] | undefined {
  const out: number[] = [];
  for (const k of keys) {
    const v = m[k];
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const plus = (xs: number[]) => xs.join(' + ');

/** `left = right` as a check whose message shows the arithmetic. */
function equation(rule: string, left: number[], right: number[]): Check {
  const l = sum(left);
  const r = sum(right);
  const ok = l === r;
  const message = ok ? `${plus(left)} = ${plus(right)}` : `${plus(left)} ≠ ${plus(right)} (${l} vs ${r})`;
  return { rule, ok, message };
}

export function runChecks(m: Metrics, era: Era): Check[] {
  return era === 'pre2019' ? pre2019Checks(m) : templateChecks(m);
}

/** The template checks' key lists: the same for every report, so spelled out once (on first use). */
interface TemplateCheckKeys {
  columns: { c: string; bal: string[]; out: string[]; parts2019: string[]; partsSplit: string[]; total: string }[];
  rows: { r: string; cells: string[]; total: string }[];
  blocks: { b: string; parts: string[]; total: string }[];
}
let templateKeys: TemplateCheckKeys | undefined;

function templateCheckKeys(): TemplateCheckKeys {
  const a = `applications.`;
  return (templateKeys ??= {
    columns: T3_COLUMN_KEYS.map((c) => ({
      c,
      bal: [`${a}new.${c}`, `${a}carried_over.${c}`],
      out: [`${a}outcome.total.${c}`, `${a}carried_forward.${c}`],
      parts2019: OUTCOME_ROWS_2019.map((r) => `${a}${r}.${c}`),
      partsSplit: OUTCOME_ROWS_SPLIT.map((r) => `${a}${r}.${c}`),
      total: `${a}outcome.total.${c}`,
    })),
    rows: T3_ROW_KEYS.map((r) => ({
      r,
      cells: T3_COLUMN_KEYS.slice(0, 6).map((c) => `applications.${r}.${c}`),
      total: `applications.${r}.total`,
    })),
    blocks: T4_BLOCKS.map((b) => ({ b, parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => `${b}.${o}`), total: `${b}.total` })),
  });
}

function templateChecks(m: Metrics): Check[] {
  const checks: Check[] = [];
  const keys = templateCheckKeys();
  for (const { c, bal: balKeys, out: outKeys, parts2019, partsSplit, total: totalKey } of keys.columns) {
    const bal = all(m, balKeys);
    const out = all(m, outKeys);
    if (bal && out) checks.push(equation(`t3.balance.${c}`, bal, out));
    const parts = all(m, parts2019) ?? all(m, partsSplit);
    const total = m[totalKey];
    if (parts && total !== undefined) checks.push(equation(`t3.outcome_sum.${c}`, [total], parts));
  }
  for (const { r, cells: cellKeys, total: totalKey } of keys.rows) {
    const cells = all(m, cellKeys);
    const total = m[totalKey];
    if (cells && total !== undefined) checks.push(equation(`t3.rowsum.${r}`, cells, [total]));
  }
  for (const { b, parts: partKeys, total: totalKey } of keys.blocks) {
    const parts = all(m, partKeys);
    const total = m[totalKey];
    if (parts && total !== undefined) checks.push(equation(`t4.${b}.total`, [total], parts));
  }
  return checks;
}

function pre2019Checks(m: Metrics): Check[] {
  const checks: Check[] = [];
  const total = m['proactive.total'];
  const channels = PRE_CHANNELS.filter((k) => m[k] !== undefined);
  if (total !== undefined && channels.length) {
    // Channels overlap (one item on the website and in the gazette), so a mismatch only warns.
    const values = channels.map((k) => m[k]);
    const s = sum(values);
    checks.push({
      rule: 'pre.channels_vs_total',
      ok: true,
      message:
        s === total
          ? `${plus(values)} = ${total}`
          : `warning: channels ${plus(values)} = ${s} vs proactive.total ${total} (channels may overlap)`,
    });
  }
  const newTotal = m['applications.new.total'];
  const replies = PRE_REPLIES.filter((k) => m[k] !== undefined);
  if (newTotal !== undefined && replies.length >= 2) {
    const values = replies.map((k) => m[k]);
    const s = sum(values);
    const complete = replies.length === PRE_REPLIES.length;
    // With some reply kinds unstated, the stated ones can only be too many, never too few.
    const ok = complete ? s === newTotal : s <= newTotal;
    checks.push({
      rule: 'pre.reply_sum',
      ok,
      message: complete || !ok
        ? `${plus(values)} ${s === newTotal ? '=' : '≠'} ${newTotal}` + (s === newTotal ? '' : ` (${s} vs ${newTotal})`)
        : `${plus(values)} = ${s} ≤ ${newTotal} (${replies.length} of ${PRE_REPLIES.length} reply kinds stated)`,
    });
  }
  for (const b of ['review', 'litigation']) {
    const t = m[`${b}.total`];
    const parts = all(m, ['upheld', 'corrected', 'other'].map((o) => `${b}.${o}`));
    if (t === undefined || !parts) continue;
    if (m[`${b}.pending`] !== undefined) parts.push(m[`${b}.pending`]);
    checks.push(equation(`pre.${b}.total`, [t], parts));
  }
  return checks;
}
