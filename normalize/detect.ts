// Is this document a government information disclosure annual report at all? Crawls bring in
// look-alikes: 政府工作报告, budgets, 公开指南, 工作要点, list pages of report links, empty shells.
import type { Document } from '../extract/document.ts';

/** Titles that name the annual report (政府信息公开工作年度报告, 政务公开工作年度报告, 年报). */
const REPORT_TITLE = /(政府信息公开|政务公开|信息公开)(工作)?(年度)?(报告|年报)|信息公开.{0,8}(年度报告|年报|情况报告)|公开工作年度报告/;
/** Titles of documents that are something else, even when they mention 信息公开. */
const OTHER_TITLES: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /政府工作报告/, what: 'a government work report (政府工作报告)' },
  { pattern: /预算|决算/, what: 'a budget or final accounts document (预算/决算)' },
  { pattern: /公开指南/, what: 'a disclosure guide (公开指南)' },
  { pattern: /公开目录/, what: 'a disclosure catalogue (公开目录)' },
  { pattern: /工作要点|落实情况|实施方案|通知$/, what: 'a work plan or notice (工作要点/实施方案/通知)' },
];
/** Topics an annual report's body always covers. */
const BODY_TOPICS = [/主动公开/, /依申请|公开申请|申请公开/, /行政复议|行政诉讼|复议|诉讼/, /存在的(主要)?问题|改进|下一步|工作计划|不足/, /政府信息/];
const MIN_CHARS = 200;
const LINK_LIST_MIN_TITLES = 3;
const LONG_PARAGRAPH = 80;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * The verdict, with one sentence saying why a document is rejected. `hasTemplateTables`: the
 * caller found the template's tables (they prove a report whatever the title says).
 */
export function judgeDocument(doc: Document, compact: string, hasTemplateTables: boolean): Verdict {
  if (hasTemplateTables) return { ok: true };
  if (isLinkList(doc)) {
    return { ok: false, reason: 'not an annual report: the page is a list of links to reports, not a report' };
  }
  if (compact.length < MIN_CHARS) {
    return { ok: false, reason: `not an annual report: the document has almost no text (${compact.length} characters)` };
  }
  const title = titleOf(doc);
  if (title && !REPORT_TITLE.test(title)) {
    const other = OTHER_TITLES.find((o) => o.pattern.test(title));
    if (other) return { ok: false, reason: `not an annual report: "${title}" is ${other.what}` };
  }
  if (title && REPORT_TITLE.test(title)) return { ok: true };
  const head = compact.slice(0, 400);
  if (REPORT_TITLE.test(head)) return { ok: true };
  // Untitled text (a scraped body): accept when it covers the report's topics.
  const topics = BODY_TOPICS.reduce((n, p) => n + (p.test(compact) ? 1 : 0), 0);
  if (topics >= 4 && /年/.test(head)) return { ok: true };
  return {
    ok: false,
    reason: 'not an annual report: no 政府信息公开工作年度报告 title and none of the report\'s sections or tables',
  };
}

/** The document's title: its own, else its first heading, else its first short line. */
export function titleOf(doc: Document): string | undefined {
  if (doc.title?.trim()) return doc.title.trim();
  const heading = doc.blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (heading && heading.kind === 'heading') return heading.text.trim();
  for (const b of doc.blocks.slice(0, 6)) {
    if (b.kind !== 'table' && b.text.length <= 60 && REPORT_TITLE.test(b.text)) return b.text.trim();
  }
  return undefined;
}

/** Several report-title lines and hardly any running text: a column page listing reports. */
function isLinkList(doc: Document): boolean {
  let titles = 0;
  let longParagraphs = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      for (const r of b.rows) if (r.some((c) => c.length <= 80 && REPORT_TITLE.test(c) && /\d{4}/.test(c))) titles++;
      continue;
    }
    if (b.text.length <= 80 && REPORT_TITLE.test(b.text) && /\d{4}/.test(b.text)) titles++;
    else if (b.text.length >= LONG_PARAGRAPH) longParagraphs++;
  }
  return titles >= LINK_LIST_MIN_TITLES && longParagraphs < 3;
}
