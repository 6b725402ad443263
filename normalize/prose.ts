// Metrics stated in sentences (pre2019 reports, and prose parts of template reports), plus the
// old 统计表 tables of pre2019 reports. Pure: Document in, details out.
//
// How a number is attributed (the rules a researcher can check against the source):
// 1. Only phrases from the table in prose-patterns.ts count; the number must directly follow
//    (or precede) the anchor phrase inside one clause, and end in a counting unit — so dates,
//    document numbers, percentages, phone numbers and ordinals are never read.
// 2. A rule's `context` must appear in the sentence or its section heading; a `clauseReject`
//    word in the clause discards the match (其中主要负责同志参加新闻发布会2次 is not the total).
// 3. 维持/纠错/其他/未审结 belong to the nearest 行政复议 or 行政诉讼 before them in the sentence.
// 4. One value per key. Candidates rank by: a 统计表 row first; then a match inside the section
//    that owns the key (三、主动公开政府信息情况 owns proactive.*); then the stronger pattern
//    (the dictionary phrase before paraphrases, any number before a zero phrase); then a clause
//    about the whole jurisdiction before one whose subject is a part of it (县国土资源局受理申请15件
//    … 全县共受理申请31件); then the earliest in the document. So a department's own
//    主动公开信息2012条 later in the section never replaces the report's 主动公开政府信息8.06万条.
import type { Block, Document, TableBlock } from '../extract/document.ts';
import { unitOf } from './dictionary.ts';
import { parseCell, parseQuantity, QUANTITY_SOURCE, type ParsedNumber } from './numbers.ts';
import { BARE_NONE, PHRASE_RULES, SECTION_ZERO, STAT_ROWS, type PhraseRule, type StatRow, type Subject } from './prose-patterns.ts';
import type { Era, MetricDetail, Qualifier, Unit } from './types.ts';

interface CompiledRule {
  rule: PhraseRule;
  /** Numeric patterns first, then zero patterns; index = strength rank. */
  /** `gate`: ids (in GATE_WORDS) of the words one of which a match must contain; empty = no gate. */
  regexes: { re: RegExp; zero: boolean; gate: number[] }[];
  /** The key's dictionary unit, looked up on first use (not per sentence). */
  unit?: Unit;
}

const CLAUSE_GAP = '[^,;。:!?]';

function compile(source: string): RegExp {
  return new RegExp(
    source.replaceAll('{N}', `(?<q>${QUANTITY_SOURCE})`).replaceAll('{Q}', `(?:${QUANTITY_SOURCE})`).replaceAll('{G}', CLAUSE_GAP),
    'g',
  );
}

/**
 * The longest run of Chinese characters every match of `pattern` must contain (outside groups,
 * not made optional). Checking `includes(literal)` first skips the regex on almost every
 * sentence: it is what keeps prose extraction at a fraction of a millisecond per report.
 */
export function requiredLiteral(pattern: string): string {
  let depth = 0;
  let best = '';
  let run = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      run = '';
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (depth === 0 && /[\u4e00-\u9fff]/.test(c)) {
      if (/[?*{]/.test(pattern[i + 1] ?? '')) {
        if (run.length > best.length) best = run;
        run = '';
      } else {
        run += c;
        if (run.length > best.length) best = run;
      }
    } else {
      run = '';
    }
  }
  return best;
}

/**
 * Words one of which every match must contain: the required literal when it has two characters
 * or more, else the alternatives of the first mandatory top-level group ((?:不予受理|终止|…)).
 */
export function requiredWords(pattern: string): string[] {
  const literal = requiredLiteral(pattern);
  if (literal.length >= 2) return [literal];
  for (const m of pattern.matchAll(/\(\?:([\u4e00-\u9fff|]+)\)(?![?*{])/g)) {
    const before = pattern.slice(0, m.index);
    const depth = (before.match(/(?<!\\)\(/g)?.length ?? 0) - (before.match(/(?<!\\)\)/g)?.length ?? 0);
    if (depth === 0) return m[1].split('|');
  }
  return literal ? [literal] : [];
}

/**
 * Every gate word of every pattern, indexed by its first character: one pass over a sentence
 * finds which of them it contains (instead of one `includes` per pattern per sentence).
 */
const GATE_WORDS = new Map<string, number>();
const GATE_BY_FIRST = new Map<string, { word: string; id: number }[]>();

function gateId(word: string): number {
  let id = GATE_WORDS.get(word);
  if (id === undefined) {
    id = GATE_WORDS.size;
    GATE_WORDS.set(word, id);
    const list = GATE_BY_FIRST.get(word[0]) ?? [];
    list.push({ word, id });
    GATE_BY_FIRST.set(word[0], list);
  }
  return id;
}

function gated(p: string, zero: boolean) {
  return { re: compile(p), zero, gate: requiredWords(p).map(gateId) };
}

const COMPILED: CompiledRule[] = PHRASE_RULES.map((rule) => ({
  rule,
  regexes: [...rule.patterns.map((p) => gated(p, false)), ...(rule.zero ?? []).map((p) => gated(p, true))],
}));

/** Units a quantity may carry for a metric of each dictionary unit. */
const UNIT_WORDS: Record<Unit, RegExp> = {
  items: /^(条|件|个|项|份|篇|部|家|处|则|宗)$/,
  cases: /^(件|起|宗|个|例|次)$/,
  times: /^(次|场|期|篇|条|件|个|人次)$/,
  persons: /^(人|名|人次)$/,
  yuan: /^元$/,
};

interface Candidate {
  detail: MetricDetail;
  /** Lower is better: [statTable?0:1, inSection?0:1, patternRank, partScope?1:0, blockIndex, sentence, offset]. */
  rank: number[];
}

interface Sentence {
  text: string;
  /** Heading texts above it (section, subsection). */
  section: string;
  block: number;
}

const SECTION_HEADING = /^\s*[一二三四五六七八九十]{1,3}\s*[、.．]/;
/** Quotation marks around phrases (“同意公开”的7件) carry no meaning for matching. */
const QUOTES = /[“”"‘’'「」『』]/g;
const SUBSECTION_HEADING = /^\s*[(（][一二三四五六七八九十]{1,3}[)）]/;
/** A heading and the first sentence after it on one line: the heading ends at 。 or a colon. */
const RUN_IN = /^([^。:]{2,40}?)[。:](?=.)/;

/** Paragraph-like blocks → sentences with the headings above them. Table-cell lines are skipped. */
function sentences(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  let section = '';
  let subsection = '';
  blocks.forEach((b, i) => {
    if (b.kind === 'table') return;
    let text = b.text.normalize('NFKC').replace(QUOTES, '').trim();
    // A heading block may carry its paragraph after a colon ("四、收费及减免情况：无。").
    if (b.kind === 'heading' && !RUN_IN.test(text)) {
      if (b.level <= 2) [section, subsection] = [text, ''];
      else subsection = text;
      return;
    }
    const level = b.kind === 'heading' ? (b.level <= 2 ? 2 : 3) : SECTION_HEADING.test(text) ? 2 : SUBSECTION_HEADING.test(text) ? 3 : 0;
    if (level) {
      // "(二)依申请公开。全年共收到申请46件…" / "四、收费及减免情况：本年度未收取任何费用。": a
      // heading run into its first paragraph.
      const runIn = RUN_IN.exec(text);
      const heading = runIn ? runIn[1] : text.length <= 40 ? text : undefined;
      if (heading !== undefined) {
        if (level === 2) [section, subsection] = [heading, ''];
        else subsection = heading;
        text = runIn ? text.slice(runIn[0].length) : '';
        if (!text.trim()) return;
      }
    }
    // A flattened table cell line ("规章 |") is not prose: the tables work reads those.
    if (text.includes('|')) return;
    for (const s of text.split(/(?<=[。!?])/)) {
      if (s.trim()) out.push({ text: s, section: `${section} ${subsection}`, block: i });
    }
  });
  return out;
}

/** The clause (between , ; : 。) around [start, end). */
function clauseAround(text: string, start: number, end: number): string {
  const left = Math.max(...[',', ';', ':', '。', '、'].map((c) => text.lastIndexOf(c, start - 1)));
  const rights = [',', ';', ':', '。'].map((c) => text.indexOf(c, end)).filter((x) => x >= 0);
  return text.slice(left + 1, rights.length ? Math.min(...rights) : text.length);
}

/**
 * 1 when the clause's subject, before the match, is a part of the jurisdiction (县政府办公室, 县直部门,
 * 各乡镇, 县国土资源局) rather than the whole of it (全县, 我局, 本机关); else 0.
 */
function partScope(text: string, start: number): number {
  const left = Math.max(...[',', ';', ':', '。', '、'].map((c) => text.lastIndexOf(c, start - 1)));
  const prefix = text.slice(left + 1, start);
  if (!prefix || WHOLE_SCOPE.test(prefix)) return 0;
  return PART_SCOPE.test(prefix) ? 1 : 0;
}

const WHOLE_SCOPE = /全(?:省|市|州|盟|县|区|旗|镇|乡|街道|局|委|厅)|[我本](?:省|市|州|县|区|旗|镇|乡|街道|局|委|厅|办|中心|机关|单位)|合计|总计|共计/;
const PART_SCOPE = /各[^\s,]{1,4}|[县市区州省]直|[县市区]属|乡镇|街道|社区|(?:办公室|局|委员会|委|办|中心|分局|所|站|院|校|公司)(?:通过|在|共|全年|累计)?$/;

/** The nearest 复议/诉讼 before `pos` in the sentence. */
function subjectAt(text: string, pos: number): Subject | undefined {
  const before = text.slice(0, pos);
  const r = Math.max(before.lastIndexOf('复议'));
  const l = Math.max(before.lastIndexOf('诉讼'), before.lastIndexOf('起诉'));
  if (r < 0 && l < 0) return undefined;
  return r > l ? 'review' : 'litigation';
}

function snippet(text: string, start: number, end: number): string {
  const t = text.trim();
  if (t.length <= 120) return t;
  const from = Math.max(0, start - 50);
  return (from > 0 ? '…' : '') + text.slice(from, Math.min(text.length, end + 30)).trim() + '…';
}

/** The rules (indices in COMPILED) with a pattern gated by each word; rules with an ungated pattern. */
const WORD_RULES: number[][] = Array.from({ length: GATE_WORDS.size }, () => []);
const UNGATED_RULES: number[] = [];
COMPILED.forEach(({ regexes }, ri) => {
  for (const { gate } of regexes) {
    if (!gate.length && !UNGATED_RULES.includes(ri)) UNGATED_RULES.push(ri);
    for (const id of gate) if (!WORD_RULES[id].includes(ri)) WORD_RULES[id].push(ri);
  }
});

/**
 * present[id] === stamp: gate word `id` occurs in the sentence being read; ruleOpen[ri] === stamp:
 * some pattern of rule `ri` may match it. The stamp changes per sentence, so nothing is cleared.
 */
/** GATE_LISTS[GATE_FIRST_CODE[c]]: the gate words starting with UTF-16 unit c (-1: none). */
const GATE_LISTS = [...GATE_BY_FIRST.values()];
const GATE_FIRST_CODE = new Int16Array(65536).fill(-1);
[...GATE_BY_FIRST.keys()].forEach((first, at) => (GATE_FIRST_CODE[first.charCodeAt(0)] = at));
const present = new Uint32Array(GATE_WORDS.size);
const ruleOpen = new Uint32Array(COMPILED.length);
let stamp = 0;

function markGateWords(text: string): void {
  stamp = (stamp + 1) >>> 0 || 1;
  for (const ri of UNGATED_RULES) ruleOpen[ri] = stamp;
  for (let i = 0; i < text.length; i++) {
    const at = GATE_FIRST_CODE[text.charCodeAt(i)];
    if (at < 0) continue;
    const list = GATE_LISTS[at];
    for (const { word, id } of list) {
      if (present[id] === stamp || !text.startsWith(word, i)) continue;
      present[id] = stamp;
      for (const ri of WORD_RULES[id]) ruleOpen[ri] = stamp;
    }
  }
}

function gateOpen(gate: number[]): boolean {
  if (!gate.length) return true;
  for (const id of gate) if (present[id] === stamp) return true;
  return false;
}

function fromSentences(sents: Sentence[]): Candidate[] {
  const out: Candidate[] = [];
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    // A sentence continues the one before it in its paragraph ("…收到申请2495件。加上上年结转的
    // 110件，全年共办结2476件"): the earlier sentence's topic is its context too.
    const prev = si > 0 && sents[si - 1].block === s.block ? sents[si - 1].text : '';
    if (BARE_NONE.test(s.text.trim())) {
      for (const z of SECTION_ZERO) {
        if (!z.heading.test(s.section)) continue;
        for (const key of z.keys) {
          out.push({
            detail: { key, value: 0, unit: unitOf(key), qualifier: 'exact', derived: false, method: 'prose', source: `${s.section.trim()} ${s.text.trim()}` },
            rank: [1, 0, 99, 0, s.block, si, 0],
          });
        }
      }
    }
    const mentionsSubject = /复议|诉讼/.test(s.text);
    markGateWords(s.text);
    for (let ri = 0; ri < COMPILED.length; ri++) {
      // Cheapest test first: a pattern whose required words are not in the sentence cannot
      // match, and most rules have none of theirs in a given sentence.
      if (ruleOpen[ri] !== stamp) continue;
      const compiled = COMPILED[ri];
      const { rule, regexes } = compiled;
      if (rule.subject && !mentionsSubject) continue;
      if (rule.context && !rule.context.test(s.text) && !rule.context.test(s.section) && !rule.context.test(prev)) continue;
      const unit = (compiled.unit ??= unitOf(rule.key));
      // (A loop, not forEach: a callback per open rule per sentence costs a closure each time.)
      for (let rank = 0; rank < regexes.length; rank++) {
        const { re, zero, gate } = regexes[rank];
        if (!gateOpen(gate)) continue;
        for (const m of s.text.matchAll(re)) {
          const start = m.index ?? 0;
          const end = start + m[0].length;
          if (rule.clauseReject && rule.clauseReject.test(clauseAround(s.text, start, end))) continue;
          const qStart = m.groups?.q !== undefined ? start + m[0].indexOf(m.groups.q) : start;
          if (rule.subject && subjectAt(s.text, qStart) !== rule.subject) continue;
          let value = 0;
          let qualifier: Qualifier = 'exact';
          if (!zero) {
            const q = parseQuantity(m.groups?.q ?? '');
            if (!q || !(rule.units ?? UNIT_WORDS[unit]).test(q.unit)) continue;
            value = q.value;
            qualifier = q.qualifier;
          }
          out.push({
            detail: {
              key: rule.key, value, unit, qualifier, derived: false, method: 'prose',
              source: snippet(s.text, start, end),
            },
            // A weak (paraphrase) rule counts only when no other rule for the key matched
            // anywhere, even outside the key's own section.
            rank: [1, rule.weak ? 2 : rule.section.test(s.section) ? 0 : 1, rank, partScope(s.text, start), s.block, si, start],
          });
        }
      }
    }
  }
  return out;
}

// ── old 统计表 ──────────────────────────────────────────────────────────────────────────────

// Row labels repeat across tables and reports (every template table passes through here), so the
// label cleaning and the 统计表 row lookup are memoised. The maps stay small: the recurring labels
// are a few hundred, and the one-off lines that also pass through must not pile up in the heap.
const LABEL_CACHE_MAX = 2_000;
const cleanCache = new Map<string, string>();
const statRowCache = new Map<string, StatRow | null>();
/** Memoising a lookup is sound only while every label regex is stateless (no g/y flag). */
const STAT_LABELS_STATELESS = STAT_ROWS.every((r) => !r.label.global && !r.label.sticky);

function memo<V>(cache: Map<string, V>, key: string, compute: (key: string) => V): V {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    if (cache.size >= LABEL_CACHE_MAX) cache.clear();
    v = compute(key);
    cache.set(key, v);
  }
  return v as V;
}

/** The 统计表 row whose label matches `form` (the first in STAT_ROWS), if any. */
function statRowOf(form: string): StatRow | undefined {
  if (!STAT_LABELS_STATELESS) return STAT_ROWS.find((r) => r.label.test(form));
  return memo(statRowCache, form, findStatRow) ?? undefined;
}

function findStatRow(form: string): StatRow | null {
  return STAT_ROWS.find((r) => r.label.test(form)) ?? null;
}

/** A row label without numbering, spaces, notes in brackets and trailing units. */
function cleanLabel(cell: string): string {
  return memo(cleanCache, cell, cleanLabelUncached);
}

function cleanLabelUncached(cell: string): string {
  let t = cell.normalize('NFKC').replace(/\s/g, '').replace(QUOTES, '');
  // 其中:1.当面申请数 / (一)其中: … — numbering and 其中 in any order.
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、]|其中[:]?)/, '');
  }
  return t.replace(/\([^)]*\)/g, '').replace(/\(.*$/, '');
}

const YEAR_COLUMN = /本年|本期|当年|数量|统计数|数值|数据/;
const YEAR_HEADER = /^(20\d\d)(?!\d)/;
const RUNNING_TOTAL = /累计|历年|上年|去年|同比|比例|百分比|增减/;
const UNIT_CELL = /^(条|件|个|次|篇|人|人次|万元|元|项)$/;

/** The label's forms to try: the cell, and what follows a colon (…的情况：1．政府公报公开政府信息数). */
function labelForms(cell: string): string[] {
  const label = cleanLabel(cell);
  const colon = label.lastIndexOf(':');
  return colon > 0 ? [label, cleanLabel(label.slice(colon + 1))] : [label];
}

/**
 * The row's 统计表 label: the rightmost label cell (left of the value column) that names a row.
 * Tables that put the group in a rowspanned first column (一、主动公开情况 | （一）主动公开政府信息数
 * | 条 | 2156) carry the item in the second; a group total (四、行政复议数量 | | 件 | 0) in the first.
 */
function statLabel(row: string[], valueCol: number | undefined): { match: StatRow; col: number } | undefined {
  const end = Math.min(valueCol ?? row.length, row.length);
  for (let c = end - 1; c >= 0; c--) {
    const cell = row[c].trim();
    if (!cell || UNIT_CELL.test(cell) || parseCell(cell)) continue;
    for (const form of labelForms(cell)) {
      const match = statRowOf(form);
      if (match) return { match, col: c };
    }
  }
  return undefined;
}

function fromStatTable(table: TableBlock): Candidate[] {
  const out: Candidate[] = [];
  // The year's column: the first header cell naming it; never a running-total column.
  let valueCol: number | undefined;
  const excluded = new Set<number>();
  // Comparison tables (2015年 | 2016年 | 增减) carry last year too: the latest year is the report's.
  let latestYear = 0;
  for (const row of table.rows.slice(0, 3)) {
    row.forEach((cell, c) => {
      const t = cell.replace(/\s/g, '');
      const year = YEAR_HEADER.exec(t);
      if (RUNNING_TOTAL.test(t)) excluded.add(c);
      else if (year && c > 0) {
        if (Number(year[1]) > latestYear) [latestYear, valueCol] = [Number(year[1]), c];
      } else if (valueCol === undefined && c > 0 && YEAR_COLUMN.test(t)) valueCol = c;
    });
  }
  let group: Subject | undefined;
  for (const row of table.rows) {
    const found = statLabel(row, valueCol);
    if (!found) continue;
    const { match, col: labelCol } = found;
    if (match.group) group = match.group;
    const key = typeof match.key === 'string' ? match.key : match.key(group);
    if (!key) continue;
    const unit = unitOf(key);
    const wan = row.some((c) => /万元/.test(c)) && unit === 'yuan';
    let parsed;
    const cols = valueCol !== undefined ? [valueCol] : row.map((_, c) => c).slice(1);
    for (const c of cols) {
      if (excluded.has(c) || c <= labelCol || row[c] === row[labelCol] || UNIT_CELL.test(row[c].trim())) continue;
      parsed = parseCell(row[c]);
      if (parsed) break;
    }
    if (!parsed) continue;
    out.push({
      detail: {
        key, value: wan && !/万/.test(parsed.raw) ? Math.round(parsed.value * 10_000 * 100) / 100 : parsed.value,
        // A 统计表 cell is a table fact: provenance says so (and where), even though the row
        // labels are the prose phrase table's.
        unit, qualifier: parsed.qualifier, derived: false, method: 'table',
        source: row.filter((c) => c.trim()).join(' | '), table: table.index, row: row[labelCol],
        column: valueCol !== undefined ? table.rows[0]?.[valueCol] : undefined, page: table.page,
      },
      rank: [0, 0, 0, 0, table.index, 0, 0],
    });
  }
  return out;
}

// ── 统计表 that lost its grid ────────────────────────────────────────────────────────────────
// Scraped archives print the old 统计表 as lines: "（一）主动公开政府信息数 条 3256" (cells joined
// by spaces, often swallowed between CJK characters), or one cell per line (label / 条 / 1875),
// which a text extractor may pair up into odd two-cell rows. Read in document order, the cells
// still say label → unit → value; that order is all this relies on.

interface Token {
  /** NFKC text for matching; `raw` as written, for provenance. */
  text: string;
  raw: string;
  block: number;
  /** A cell of a table row with three or more cells: that grid is fromStatTable's to read. */
  wide: boolean;
}

/**
 * A whole line "label unit? value" or "label：value unit；" (spaces already gone from the cleaned
 * label): 1 label, 2 unit before, 3 value, 4 unit after.
 */
const STAT_LINE = /^(.{2,50}?):?(人次|万元|条|件|个|次|篇|人|元|项|名)?([0-9][0-9,]*(?:\.[0-9]+)?)(人次|万元|条|件|个|次|篇|人|元|项|名)?$/;
const NUMBER_TOKEN = /^[0-9０-９][0-9０-９,，.．]*$/;
/** A unit, the year's number, a blank, another number (the running total) at a line's end. */
const YEAR_AND_TOTAL = /(人次|万元|条|件|个|次|篇|人|元|项|名)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s+[0-9][0-9,]*(?:\.[0-9]+)?$/;

function tokensOf(blocks: Block[]): Token[] {
  const out: Token[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') {
      out.push({ text: b.text.normalize('NFKC').trim(), raw: b.text.trim(), block: i, wide: false });
      return;
    }
    for (const row of b.rows) {
      const wide = row.filter((c) => c.trim()).length >= 3;
      for (const c of row) if (c.trim()) out.push({ text: c.normalize('NFKC').trim(), raw: c.trim(), block: i, wide });
    }
  });
  return out;
}

function statLineCandidate(key: string, value: ParsedNumber, unitWord: string | undefined, source: string, block: number): Candidate {
  const unit = unitOf(key);
  const wan = unit === 'yuan' && unitWord === '万元';
  return {
    detail: {
      key, value: wan ? Math.round(value.value * 10_000 * 100) / 100 : value.value, unit, qualifier: value.qualifier,
      derived: false, method: 'table', source,
    },
    // Below a real 统计表 grid, above every sentence.
    rank: [0, 0, 1, 0, block, 0, 0],
  };
}

/** A token as a 统计表 line: no trailing punctuation, 件 27 196 (year, then 历年累计) → 件27. */
function statLineText(tokenText: string): string {
  return tokenText.replace(/[;。,]$/, '').replace(YEAR_AND_TOTAL, '$1$2');
}

const gridGroupCache = new Map<string, Subject | null>();

/** The group a grid cell's 统计表 row opens, if any (every template table cell passes here: memoised). */
function groupOfGridCell(tokenText: string): Subject | undefined {
  return (STAT_LABELS_STATELESS ? memo(gridGroupCache, tokenText, gridCellGroup) : gridCellGroup(tokenText)) ?? undefined;
}

function gridCellGroup(tokenText: string): Subject | null {
  const text = statLineText(tokenText);
  return (text.length <= 80 ? statRowOf(cleanLabel(text))?.group : undefined) ?? null;
}

function fromStatLines(blocks: Block[]): Candidate[] {
  const out: Candidate[] = [];
  const tokens = tokensOf(blocks);
  let group: Subject | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // 件 27 196: the year's column and 历年累计 of a 统计表 printed without borders.
    if (t.wide) {
      // A row read from a grid elsewhere (五、行政诉讼数量 | 1 | 4) still opens its group for
      // the lines after it: （二）被依法纠错数 below it is litigation's.
      const g = groupOfGridCell(t.text);
      if (g) group = g;
      continue;
    }
    const text = statLineText(t.text);
    if (text.length > 80 || /[。;!?]/.test(text)) continue;
    const label = cleanLabel(text);
    // One line: label, unit, value.
    const line = STAT_LINE.exec(label);
    let row = line && !/,/.test(line[1]) ? statRowOf(line[1]) : undefined;
    let value: ParsedNumber | undefined;
    let unitWord: string | undefined;
    let source = t.raw;
    if (row && line) {
      value = parseCell(line[3]);
      unitWord = line[2] ?? line[4];
    } else {
      // One cell per line: label, then an optional unit cell, then the value cell.
      if (/\d|,/.test(label)) continue;
      row = statRowOf(label);
      if (!row) continue;
      let j = i + 1;
      if (tokens[j] && UNIT_CELL.test(tokens[j].text)) unitWord = tokens[j++].text;
      const cell = tokens[j];
      if (cell && !cell.wide && (NUMBER_TOKEN.test(cell.text) || /^(无|0)$/.test(cell.text))) {
        value = parseCell(cell.text);
        source = [t.raw, unitWord, cell.raw].filter(Boolean).join(' | ');
      }
    }
    if (row.group) group = row.group;
    const key = typeof row.key === 'string' ? row.key : row.key(group);
    if (key && value) out.push(statLineCandidate(key, value, unitWord, source, t.block));
  }
  return out;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Every dictionary metric the report states in prose (or in an old 统计表), one value per key.
 * `era` is accepted for the assembly's sake: template reports' prose is read the same way, and
 * the assembly lets their tables win for table keys.
 */
export function extractProse(doc: Document, _era: Era): MetricDetail[] {
  const candidates = fromSentences(sentences(doc.blocks));
  for (const b of doc.blocks) if (b.kind === 'table') candidates.push(...fromStatTable(b));
  candidates.push(...fromStatLines(doc.blocks));
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const cur = best.get(c.detail.key);
    if (!cur || better(c.rank, cur.rank)) best.set(c.detail.key, c);
  }
  return [...best.values()].sort((a, b) => (better(a.rank.slice(4), b.rank.slice(4)) ? -1 : 1)).map((c) => c.detail);
}
