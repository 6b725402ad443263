import type { Block } from './document.ts';

// Small text helpers shared by the HTML and text extractors: whitespace, joining wrapped pieces,
// and telling a section heading from a paragraph.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2018-\\u201d\\u2026';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/**
 * Collapses every kind of whitespace (nbsp, ideographic space, zero-width) to one space, and drops
 * spaces between two Chinese characters: they are line-wrapping or &nbsp; indentation artefacts.
 * Spaces next to digits stay, so two numbers never merge into one.
 */
export function normalizeSpace(s: string): string {
  const t = s.replace(/[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
  // Every \s is a plain space by now: without one, the lookbehind pass has nothing to do (hot path).
  return t.includes(' ') ? t.replace(SPACE_BETWEEN_CJK, '') : t;
}

const WORD_CHAR = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.%％]/;

/**
 * Joins the pieces of a cell or title that the source broke with <br>/<p> ("本年新" + "制作数量",
 * "5.637" + "万元"): nothing between them, except a space where both sides are digits or Latin
 * letters, so two numbers never merge ("18" + "20" stays "18 20").
 */
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const p of pieces) {
    if (!p) continue;
    if (!out) {
      out = p;
      continue;
    }
    const a = out[out.length - 1];
    const b = p[0];
    out += WORD_CHAR.test(a) && WORD_CHAR.test(b) ? ` ${p}` : p;
  }
  return out;
}

// Section numbering of the report templates: 一、 / 第一部分 … (level 2), （一） … (level 3).
const LEVEL2 = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分)/;
const LEVEL3 = /^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]/;
const MAX_HEADING_CHARS = 40;

/**
 * Heading level of a line, or undefined for ordinary text. Short numbered lines are headings; a
 * numbered line that is a sentence (an inner 。) or a flattened table row (ends in a number,
 * "一、本年新收政府信息公开申请数量640020470", "（六）其他处理1") is not.
 */
export function classifyHeading(text: string): number | undefined {
  const t = text.trim();
  if (t.length > MAX_HEADING_CHARS) return undefined;
  if (/[。；;]./.test(t)) return undefined;
  if (/[\d０-９]\s*$/.test(t) || /\|/.test(t)) return undefined;
  if (LEVEL2.test(t)) return 2;
  if (LEVEL3.test(t)) return 3;
  return undefined;
}

/** Title words of documents people publish on these portals; the report title carries one. */
const TITLE_WORDS = /(报告|年报|公报|通知|意见|办法|规定|方案|规划|总结|计划|决定|指南)$/;

/**
 * The title line: among the first lines, a short one that names a document (…年度报告) — scraped
 * text often starts with breadcrumbs, dates or an index number before it.
 */
export function findTitleIndex(blocks: Block[]): number {
  const limit = Math.min(blocks.length, 12);
  for (let i = 0; i < limit; i++) {
    const b = blocks[i];
    if (b.kind === 'table') break;
    if (b.kind === 'heading' && b.level === 1) return i;
    const t = b.text;
    if (t.length >= 6 && t.length <= 80 && TITLE_WORDS.test(t) && !/[。，,]/.test(t)) return i;
    if (b.kind === 'heading' && b.level === 2) break; // the body has started
  }
  return -1;
}

