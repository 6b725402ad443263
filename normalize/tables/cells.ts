// Cell and label helpers shared by the template-table mappers. Pure string work; every pattern
// is compiled once at module load (the parser must handle hundreds of reports per second).
import { parseCell } from '../numbers.ts';

/** A label in comparable form: NFKC (full → half width), no whitespace, unified brackets. */
// Labels repeat across rows and reports (the template prints the same ones), so they are memoised.
const compactCache = new Map<string, string>();
const COMPACT_CACHE_MAX = 20_000;

export function compactLabel(text: string): string {
  let out = compactCache.get(text);
  if (out === undefined) {
    if (compactCache.size >= COMPACT_CACHE_MAX) compactCache.clear();
    out = compactUncached(text);
    compactCache.set(text, out);
  }
  return out;
}

function compactUncached(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔［【]/g, '(')
    .replace(/[〕］】]/g, ')')
    .replace(/[“”「」『』"']/g, '');
}

// Numbering in front of template labels: 一、 1. 1、 (一) （一） ① and their combinations.
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d{1,2}(?:[、.．](?!\d)|\))|\(\d{1,2}\)|[①-⑳])+/;

/** A compact label without its leading numbering ("(一)予以公开" → "予以公开"). */
export function stripNumbering(compact: string): string {
  return compact.replace(NUMBERING, '');
}

const BLANK = /^[\s—–\-－/／\\…·.]*$/;
const HAS_CJK = /[\u3400-\u9fff]/;
// Units a count or amount cell may carry; anything else with CJK is a label.
const VALUE_CJK = /^[\s\d.,，+\-－—万亿元件条个项次人份]*$/;

// 本年增/减 written out ("增加57", "减少3"): a value of table 二, not a label.
const WORDED_CHANGE = /^(?:增加|新增|增|减少|减)\s*\d+(?:项|个|件)?$/;

export type CellKind = 'blank' | 'value' | 'label';

const ASCII_DIGITS = /^[0-9]+$/;

// Template labels recur in every report: their kind is remembered, in a small map (the recurring
// labels are a few hundred; one-off cells must not pile up in the heap).
const kindCache = new Map<string, CellKind>();
const KIND_CACHE_MAX = 4_000;

export function cellKind(text: string): CellKind {
  // The commonest cell, a plain digit run, is a value (parseCell reads it): skip the NFKC pass.
  if (ASCII_DIGITS.test(text)) return 'value';
  let kind = kindCache.get(text);
  if (kind === undefined) {
    if (kindCache.size >= KIND_CACHE_MAX) kindCache.clear();
    kind = cellKindUncached(text);
    kindCache.set(text, kind);
  }
  return kind;
}

function cellKindUncached(text: string): CellKind {
  if (BLANK.test(text)) return 'blank';
  const t = text.normalize('NFKC').trim();
  if (t === '无' || WORDED_CHANGE.test(t)) return 'value';
  if (HAS_CJK.test(t) && !VALUE_CJK.test(t)) return 'label';
  if (parseCell(t) !== undefined) return 'value';
  // A lone signed run or digit run with odd separators ("+1036-8") is still value material.
  if (/^[+\-\d\s]+$/.test(t)) return 'value';
  return HAS_CJK.test(t) || /[A-Za-z]/.test(t) ? 'label' : 'blank';
}

/** True when a value cell is a plain run of digits that cannot be read as one number of its row. */
export function isDigitRun(text: string): boolean {
  return /^\d+$/.test(text.normalize('NFKC').trim());
}

// A label followed by its numbers in the same string: "一、本年新收政府信息公开申请数量640020470",
// "规章 0 0 0", "政府集中采购 22 5.637万元". The tail starts after the last character that
// cannot belong to a number list.
const TAIL = /^(.*?[^\d\s.,+\-－—/])\s*((?:[+\-－]?\d[\d.,]*(?:万元|万|元)?|[—/])(?:\s*(?:[+\-－]?\d[\d.,]*(?:万元|万|元)?|[—/]))*)\s*$/;

export function splitLabelTail(text: string): { label: string; tail: string[] } | undefined {
  const t = text.normalize('NFKC').trim();
  const m = TAIL.exec(t);
  if (!m) return undefined;
  const label = m[1].trim();
  // "1.属于国家秘密" and "危及三安全一稳定" keep their digits: the label must end in a non-digit.
  if (!HAS_CJK.test(label)) return undefined;
  return { label, tail: m[2].trim().split(/\s+/) };
}

/** A row split into its label cells and its value cells (blank cells kept, in order). */
export interface RowParts {
  labels: string[];
  values: string[];
  /** Grid index of the first cell after the labels (header-mapped reading goes by grid index). */
  labelEnd: number;
}

// Two numbers that share a cell ("0 0", "12  3") were two cells: a table never prints that.
const SPACED_NUMBERS = /^[+\-]?\d+(?:\s+[+\-]?\d+)+$/;

export function splitRow(cells: string[]): RowParts {
  let last = -1;
  for (let i = 0; i < cells.length; i++) if (cellKind(cells[i]) === 'label') last = i;
  const labels: string[] = [];
  for (let i = 0; i <= last; i++) {
    const c = cells[i].trim();
    // colspan/rowspan expansion repeats a label; keep it once.
    if (c && labels[labels.length - 1] !== c) labels.push(c);
  }
  const values: string[] = [];
  let allBlank = true;
  for (let i = last + 1; i < cells.length; i++) {
    const t = cells[i].trim();
    if (ASCII_DIGITS.test(t) || !SPACED_NUMBERS.test(t)) {
      values.push(t);
      if (allBlank && cellKind(t) !== 'blank') allBlank = false;
    } else {
      for (const v of t.split(/\s+/)) {
        values.push(v);
        if (allBlank && cellKind(v) !== 'blank') allBlank = false;
      }
    }
  }
  const labelEnd = last + 1;
  // A label cell that swallowed its numbers ("…申请数量640020470") gives them back.
  if (labels.length && allBlank) {
    const split = splitLabelTail(labels[labels.length - 1]);
    if (split) {
      labels[labels.length - 1] = split.label;
      return { labels, values: split.tail, labelEnd };
    }
  }
  return { labels, values, labelEnd };
}

/** Fit value cells to `n` columns: drop padding blanks at the end, then at the start, then keep the last n. */
export function fitValues(values: string[], n: number): string[] {
  const v = values.slice();
  while (v.length > n && cellKind(v[v.length - 1]) === 'blank') v.pop();
  while (v.length > n && cellKind(v[0]) === 'blank') v.shift();
  return v.length > n ? v.slice(v.length - n) : v;
}
