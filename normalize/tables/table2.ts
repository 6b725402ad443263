// Table 二 (主动公开政府信息情况) of the 2019 and 2021 templates, as data. It is printed as
// small blocks, one per 第二十条 item, each with its own header row (信息内容 | columns…).

import type { Era } from '../types.ts';

/** Row subjects: the metric key prefix of a row found by its label. */
export const T2_ROWS: ReadonlyArray<{ prefix: string; pattern: RegExp }> = [
  { prefix: 'rules', pattern: /^规章/ },
  { prefix: 'normative_docs', pattern: /规范性文件/ },
  { prefix: 'licensing', pattern: /^行政许可/ },
  { prefix: 'other_services', pattern: /其他对外管理服务/ },
  { prefix: 'penalty', pattern: /^行政处罚/ },
  { prefix: 'coercion', pattern: /^行政强制/ },
  { prefix: 'fees', pattern: /^行政事业性收费/ },
  { prefix: 'procurement', pattern: /政府集中采购/ },
];

export interface T2Column {
  suffix: string;
  /** The column holds money (stored in yuan). */
  money?: boolean;
  /** Signed: 本年增/减. */
  signed?: boolean;
  /** The template prints this column in 万元 (2021 本年收费金额（单位：万元）) unless the header says 元. */
  wanByDefault?: boolean;
}

/** Column headers → key suffix. Tested on the compact header text, first match wins. */
export const T2_COLUMNS: ReadonlyArray<{ pattern: RegExp; column: T2Column }> = [
  { pattern: /制作|制发/, column: { suffix: 'issued' } },
  { pattern: /新公开/, column: { suffix: 'published' } },
  { pattern: /公开总|总数量/, column: { suffix: 'public_total' } },
  { pattern: /废止/, column: { suffix: 'repealed' } },
  { pattern: /现行有效/, column: { suffix: 'in_force' } },
  { pattern: /上一年|上年项目/, column: { suffix: 'prev_items' } },
  { pattern: /增.?减|增减/, column: { suffix: 'change', signed: true } },
  { pattern: /处理决定/, column: { suffix: 'decisions' } },
  { pattern: /收费金额|收费总额/, column: { suffix: 'amount', money: true, wanByDefault: true } },
  { pattern: /采购项目/, column: { suffix: 'projects' } },
  { pattern: /采购总金额|采购金额|总金额/, column: { suffix: 'amount', money: true } },
];

/** A header that only says "本年新" (wrapped 本年新/制作数量): resolved by position below. */
export const T2_WRAPPED_HEADER = /^本年新?$/;

/**
 * The printed column order per row subject and era: used when a block has no usable header and
 * to resolve wrapped headers by position.
 */
export const T2_CANONICAL: Record<Exclude<Era, 'pre2019'>, Record<string, T2Column[]>> = {
  t2019: {
    rules: [{ suffix: 'issued' }, { suffix: 'published' }, { suffix: 'public_total' }],
    normative_docs: [{ suffix: 'issued' }, { suffix: 'published' }, { suffix: 'public_total' }],
    licensing: [{ suffix: 'prev_items' }, { suffix: 'change', signed: true }, { suffix: 'decisions' }],
    other_services: [{ suffix: 'prev_items' }, { suffix: 'change', signed: true }, { suffix: 'decisions' }],
    penalty: [{ suffix: 'prev_items' }, { suffix: 'change', signed: true }, { suffix: 'decisions' }],
    coercion: [{ suffix: 'prev_items' }, { suffix: 'change', signed: true }, { suffix: 'decisions' }],
    fees: [{ suffix: 'prev_items' }, { suffix: 'change', signed: true }],
    procurement: [{ suffix: 'projects' }, { suffix: 'amount', money: true }],
  },
  t2021: {
    rules: [{ suffix: 'issued' }, { suffix: 'repealed' }, { suffix: 'in_force' }],
    normative_docs: [{ suffix: 'issued' }, { suffix: 'repealed' }, { suffix: 'in_force' }],
    licensing: [{ suffix: 'decisions' }],
    other_services: [{ suffix: 'decisions' }],
    penalty: [{ suffix: 'decisions' }],
    coercion: [{ suffix: 'decisions' }],
    fees: [{ suffix: 'amount', money: true, wanByDefault: true }],
    procurement: [{ suffix: 'projects' }, { suffix: 'amount', money: true }],
  },
};

/** A header (or caption) saying the money is in 万元. */
export const T2_WAN = /万元/;
