// Number reading: text in, typed number out. Pure.
// Table cells go through parseCell; prose goes through QUANTITY_SOURCE (a regex fragment the
// phrase table embeds) and parseQuantity. Chinese numerals are parsed here, not by a library:
// the libraries tried get 两百 / 二〇二三 / 1.2万 wrong (see notes/stack.md).
import type { Qualifier } from './types.ts';

export interface ParsedNumber {
  value: number;
  qualifier: Qualifier;
  /** The text the number was read from. */
  raw: string;
}

// The financial forms (壹贰叁…拾佰仟) appear in money amounts: 收取费用人民币贰佰元.
const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 拾: 10, 佰: 100, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Chinese numeral → number: 两百 = 200, 一千零五 = 1005, 十二 = 12, 一万二千 = 12000.
 * A run of bare digits (二〇二三) reads digit by digit, as years are written.
 * Returns undefined for anything that is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  const s = text.trim();
  if (s === '' || ![...s].every((c) => c in DIGIT || c in SMALL_UNIT || c in BIG_UNIT)) return undefined;
  // 二〇二三, 一九九八: positional digits with no unit characters (years). 三四 (three or four)
  // is not one.
  if ((s.length === 4 || (s.length > 1 && /[〇零]/.test(s))) && [...s].every((c) => c in DIGIT)) {
    return Number([...s].map((c) => DIGIT[c]).join(''));
  }
  let result = 0; // completed 亿/万 groups
  let section = 0; // the group below the next 万/亿
  let digit = 0;
  let pending = false; // a digit was read and not yet consumed by a unit
  let largest = Infinity;
  for (const c of s) {
    if (c in DIGIT) {
      if (pending && DIGIT[c] !== 0) return undefined; // 三四 is not a numeral
      digit = DIGIT[c];
      pending = digit !== 0;
    } else if (c in SMALL_UNIT) {
      // 十二: a bare 十 means 一十.
      section += (pending ? digit : 1) * SMALL_UNIT[c];
      digit = 0;
      pending = false;
    } else {
      const big = BIG_UNIT[c];
      section += pending ? digit : 0;
      if (section === 0 && result === 0) return undefined; // 万 alone is not a number
      if (big < largest) result += section * big; // 一亿二千万: the 万 group sits below 亿
      else result = (result + section) * big;
      largest = Math.min(largest, big);
      section = 0;
      digit = 0;
      pending = false;
    }
  }
  return result + section + (pending ? digit : 0);
}

/** A year written in any form: 2018, ２０１８, 二〇一八, 二零一八. */
export function parseYear(text: string): number | undefined {
  let t = text.normalize('NFKC').trim().replace(/年度?$/, '');
  // Typists write the zero of 二〇一四 as ○ (a circle), O or 0: 二○一四, 二0一四.
  if (!/^\d{4}$/.test(t)) t = t.replace(/[○Oo0]/g, '〇');
  const n = /^\d{4}$/.test(t) ? Number(t) : parseChineseNumeral(t);
  return n !== undefined && n >= 1990 && n <= 2100 ? n : undefined;
}

/** Qualifiers that make a stated number a bound or an estimate. */
const APPROX_BEFORE = /^(近|约|大约|逾|超过|共约|将近)/;
const APPROX_AFTER = /(余|多|左右|以上|之多)/;

/**
 * The prose form of a quantity, as a regex fragment (no capture groups, so it can be wrapped).
 * Ordinals (第三期), dates (2018年), percentages (占64.64%) and document numbers never match
 * because a quantity must end in a counting unit; a digit run cannot start mid-number.
 */
/**
 * A Chinese numeral as prose writes it, 万/亿 inside included (一万二千六百); a trailing 万/亿 is
 * left to the quantity's own multiplier (三万余条).
 */
const CN_NUMERAL = '[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+(?:[万亿][零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)*';

export const QUANTITY_SOURCE =
  '(?:近|约|大约|逾|超过|共约|将近)?\\s*(?:人民币)?\\s*' +
  '(?<![0-9０-９.．第])' +
  '(?:\\d{1,3}(?:[,，]\\d{3})+(?:[.．]\\d+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?|' + CN_NUMERAL + '(?![年月日号]))' +
  '\\s*(?:万|亿)?\\s*(?:余|多)?\\s*' +
  '(?:人次|万元|亿元|元|条|件|个|项|份|篇|部|次|场|期|人|名|起|宗|家|处|则)' +
  '(?:左右|以上|之多)?';

export interface Quantity extends ParsedNumber {
  /** The counting unit as written (条, 件, 人次, 元 …), 万/亿 already applied to the value. */
  unit: string;
}

const QUANTITY_PARTS = new RegExp(`^([0-9][0-9,，]*(?:\\.[0-9]+)?|${CN_NUMERAL})(万|亿)?(余|多)?(人次|万元|亿元|元|[^\\d]?)(左右|以上|之多)?$`);

/** A quantity matched by QUANTITY_SOURCE → number with its qualifier; money in yuan. */
export function parseQuantity(text: string): Quantity | undefined {
  const raw = text;
  let t = text.normalize('NFKC').replace(/\s/g, '');
  let qualifier: Qualifier = 'exact';
  if (APPROX_BEFORE.test(t)) {
    qualifier = 'approx';
    t = t.replace(APPROX_BEFORE, '');
  }
  t = t.replace(/^人民币/, '');
  const m = QUANTITY_PARTS.exec(t);
  if (!m) return undefined;
  const [, num, bigUnit, after, unitRaw, tail] = m;
  if (after || tail) qualifier = 'approx';
  let value = /^[0-9]/.test(num) ? Number(num.replace(/[,，]/g, '')) : parseChineseNumeral(num);
  if (value === undefined || Number.isNaN(value)) return undefined;
  let unit = unitRaw;
  if (bigUnit === '万') value *= 10_000;
  if (bigUnit === '亿') value *= 100_000_000;
  if (unit === '万元') { value *= 10_000; unit = '元'; }
  if (unit === '亿元') { value *= 100_000_000; unit = '元'; }
  return { value: round2(value), qualifier, raw, unit };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Words that state zero outright when they answer the metric being read. */
const ZERO_WORDS = /^(无|没有|未发生|均为0|均为零|零|0)$/;
const ASCII_DIGITS = /^[0-9]+$/;
/** A cell that states nothing: blank, dashes, slashes. */
const BLANK_CELL = /^[—–\-－/／\\…_]*$/;

/**
 * A table cell → number. Blank, "—", "/", "-" → undefined (not stated). "无" → 0.
 * Money cells ("5.637万元") come back in yuan when `money` is set (any 万/亿 suffix always
 * multiplies). Signed change cells: "+1036", "-8", "减少3" → -3, "增加5" → 5.
 */
export function parseCell(text: string, opts: { money?: boolean } = {}): ParsedNumber | undefined {
  const raw = text;
  // Most cells are a plain ASCII digit run: what the general path below gives for them, without
  // its NFKC pass and regexes (a template table has hundreds of such cells).
  if (ASCII_DIGITS.test(text)) return { value: round2(Number(text)) || 0, qualifier: 'exact', raw };
  let t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (BLANK_CELL.test(t)) return undefined;
  if (ZERO_WORDS.test(t)) return { value: 0, qualifier: 'exact', raw };
  let sign = 1;
  const signed = /^(增加|增|减少|减|\+|-|－)/.exec(t);
  if (signed) {
    if (/^(减少|减|-|－)/.test(signed[1])) sign = -1;
    t = t.slice(signed[1].length);
  }
  let qualifier: Qualifier = 'exact';
  if (APPROX_BEFORE.test(t)) {
    qualifier = 'approx';
    t = t.replace(APPROX_BEFORE, '');
  }
  const m = /^([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?(余|多)?(万元|亿元|元|件|条|个|项|次|人次|人|份|篇|部|家)?(左右|以上)?$/.exec(t);
  if (!m) return undefined;
  const [, num, big, after, unit, tail] = m;
  if (after || tail) qualifier = 'approx';
  let value = /^[0-9]/.test(num) ? Number(num) : parseChineseNumeral(num);
  if (value === undefined) return undefined;
  if (big === '万' || unit === '万元') value *= 10_000;
  if (big === '亿' || unit === '亿元') value *= 100_000_000;
  void opts; // money and counts read the same way; the flag documents intent at the call site
  return { value: round2(value) * sign || 0, qualifier, raw };
}

/** A signed change ("+1036", "-8", "减少3", "增加5") → number; undefined when unsigned text is not a number. */
export function parseSigned(text: string): number | undefined {
  return parseCell(text)?.value;
}

/** Money as written ("5.637万元", "5万元", "1,234.5元") → yuan. */
export function parseMoney(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  const m = /^([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?元?$/.exec(t);
  if (!m) return undefined;
  const base = /^[0-9]/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
  if (base === undefined) return undefined;
  return round2(base * (m[2] === '万' ? 10_000 : m[2] === '亿' ? 100_000_000 : 1));
}
