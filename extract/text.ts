// Plain text / markdown → Document. Finds where a table written as text starts and hands it to
// the rebuilder for its shape (text-tables.ts); everything else becomes headings and paragraphs,
// minus portal chrome, with prose a fixed-width dump wrapped mid-sentence joined back.
import type { Block, Document, SourceFormat } from './document.ts';
import { isChromeLine } from './chrome.ts';
import { classifyHeading, findTitleIndex, joinPieces, normalizeSpace } from './blocks.ts';
import {
  CELL_LINE, MD_RULE, NUMBERED_LABEL, NUMBER_LINE, PIPE_ONLY, headerWords, isLabelLine, isMarkdownRow, isPipeCellLine,
  looksLikeColumnRun, realignSpaced, rebuildCellLines, rebuildPipeCells, splitColumns, splitLabelNumbers, splitMarkdownRow,
  type Line,
} from './text-tables.ts';

export interface TextMeta {
  name: string;
  encoding?: string;
  format?: Extract<SourceFormat, 'text' | 'markdown'>;
}

/** Beyond these the text is truncated with a warning. */
export const TEXT_LIMITS = {
  maxLines: 500_000,
  maxColumns: 1000,
  maxCellsPerTable: 500_000,
};

// --- assembling -------------------------------------------------------------------------------------

function padRows(rows: string[][], warnings: string[]): string[][] {
  let width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width > TEXT_LIMITS.maxColumns) {
    warnings.push(`text table wider than ${TEXT_LIMITS.maxColumns} columns truncated`);
    width = TEXT_LIMITS.maxColumns;
  }
  let out = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  if (out.length * width > TEXT_LIMITS.maxCellsPerTable) {
    const keep = Math.floor(TEXT_LIMITS.maxCellsPerTable / Math.max(1, width));
    warnings.push(`text table truncated to ${keep} rows`);
    out = out.slice(0, keep);
  }
  // Columns blank in every row are row-closing artefacts of the one-cell-per-line form.
  while (width > 1 && out.every((r) => r[width - 1] === '')) {
    width--;
    out = out.map((r) => r.slice(0, width));
  }
  return out.filter((r) => r.some((c) => c !== ''));
}

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;

/** Length from which an unterminated line is taken for a wrapped one (short lines are titles, labels). */
const WRAP_MIN_CHARS = 30;

/**
 * The width a fixed-width dump wraps at: the 90th percentile of line lengths. In text with one
 * paragraph per line it is far above any unterminated line, so nothing is joined there.
 */
function wrapWidth(lines: Line[]): number {
  // Prose lines only: table rows of a -layout dump are padded with runs of spaces.
  const widths = lines
    .filter((l) => l.trim() !== '' && !/\S[ \u3000]{2,}\S/.test(l.trim()))
    .map(displayWidth)
    .sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length * 0.9)] : Infinity;
}

/** Columns a line takes in a fixed-width dump: Chinese characters are two wide, indentation counts. */
function displayWidth(l: Line): number {
  let w = 0;
  for (const ch of l) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Whether line `next` continues the paragraph whose last line was `prev` across a hard wrap: `prev`
 * runs to the wrap width without ending its sentence, and `next` starts flush left (dumps indent a
 * new paragraph) and is not a numbered item or a run-together table row.
 */
function isWrapped(prev: Line, next: Line, width: number): boolean {
  const p = prev.trim();
  if (p.length < WRAP_MIN_CHARS || displayWidth(prev) < 0.85 * width) return false;
  if (/[。！？；：!?;:]$/.test(p) || /\d{3,}$/.test(p) || /(报告|年报)$/.test(p)) return false;
  const n = next.trim();
  if (/^[\s\u3000\u00a0]/.test(next) || NUMBERED_LABEL.test(n) || !/[\u4e00-\u9fff]/.test(n)) return false;
  return true;
}

function stripMarkdownInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^>\s?/, '')
    .replace(/^[*+-]\s+(?=\S)/, '');
}

/** The next non-blank line index at or after i, or lines.length. */
function skipBlank(lines: Line[], i: number): number {
  while (i < lines.length && lines[i] === '') i++;
  return i;
}

/**
 * Turns decoded text into a Document. Markdown is read the same way (headings by #, pipe tables),
 * since scraped "markdown" is mostly plain text with a few marks.
 */
export function textToDocument(text: string, meta: TextMeta): Document {
  const warnings: string[] = [];
  let lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/[ \u00a0\u3000\f\v]+$/, '').replace(/^[\u00a0\u3000 ]+(?=\|)/, ''));
  if (lines.length > TEXT_LIMITS.maxLines) {
    warnings.push(`text of ${lines.length} lines truncated to ${TEXT_LIMITS.maxLines}`);
    lines = lines.slice(0, TEXT_LIMITS.maxLines);
  }
  // Lines that are only whitespace count as blank.
  lines = lines.map((l) => (/^[\s\u00a0\u3000]*$/.test(l) ? '' : l));
  const tabRow = (l: Line) => l.includes('\t') && splitColumns(l) !== undefined;

  const blocks: Block[] = [];
  let tableCount = 0;
  const pushTable = (rows: string[][]) => {
    const grid = padRows(rows, warnings);
    if (grid.length === 0) return;
    tableCount++;
    blocks.push({ kind: 'table', index: tableCount, rows: grid, origin: 'text' });
  };
  // Where the previous paragraph came from, to rejoin prose that a fixed-width dump (pdftotext
  // -layout) wrapped mid-sentence: "…其中通过区" / "政府门户网站教育局专栏公开302条…".
  let lastParagraphLine = -2;
  const width = wrapWidth(lines);
  const pushText = (raw: string, at = -2) => {
    const md = raw.match(MD_HEADING);
    if (md) {
      const t = normalizeSpace(stripMarkdownInline(md[2]));
      if (t && !isChromeLine(t)) blocks.push({ kind: 'heading', text: t, level: Math.min(md[1].length, 3) });
      return;
    }
    const t = normalizeSpace(stripMarkdownInline(raw.trim()));
    if (!t || isChromeLine(t)) return;
    const level = classifyHeading(t);
    const prev = blocks[blocks.length - 1];
    if (!level && prev?.kind === 'paragraph' && at >= 1 && at === lastParagraphLine + 1 && isWrapped(lines[at - 1], raw, width)) {
      prev.text = joinPieces([prev.text, t]);
      lastParagraphLine = at;
      return;
    }
    blocks.push(level ? { kind: 'heading', text: t, level } : { kind: 'paragraph', text: t });
    lastParagraphLine = level ? -2 : at;
  };

  let i = 0;
  let cellLinesRetryAt = 0;
  while (i < lines.length) {
    const l = lines[i].trim();
    if (l === '') {
      i++;
      continue;
    }
    // (b) markdown table: a pipe row, optionally followed by a --- rule.
    if (isMarkdownRow(l) || (l.includes('|') && i + 1 < lines.length && MD_RULE.test(lines[i + 1].trim()) && !PIPE_ONLY.test(l))) {
      const rows: string[][] = [];
      let j = i;
      while (j < lines.length) {
        const t = lines[j].trim();
        if (MD_RULE.test(t) && t.includes('-')) {
          j++;
          continue;
        }
        if (isMarkdownRow(t) || (rows.length > 0 && t.includes('|') && !PIPE_ONLY.test(t) && !CELL_LINE.test(t)) || (j === i && t.includes('|'))) {
          rows.push(splitMarkdownRow(t));
          j++;
          continue;
        }
        break;
      }
      if (rows.length >= 2 || (rows.length === 1 && rows[0].length >= 3)) {
        pushTable(rows);
        i = j;
        continue;
      }
    }
    // (a) one cell per line with " |".
    if (isPipeCellLine(l)) {
      let j = i;
      const run: Line[] = [];
      while (j < lines.length) {
        const t = lines[j].trim();
        if (t === '') {
          // A blank line inside the run is kept only if the run continues after it.
          const k = skipBlank(lines, j);
          if (k < lines.length && isPipeCellLine(lines[k].trim())) {
            j = k;
            continue;
          }
          break;
        }
        if (!isPipeCellLine(t)) break;
        run.push(t);
        j++;
      }
      const cellLines = run.filter((t) => !PIPE_ONLY.test(t));
      const rowPerLine = cellLines.filter((t) => t.slice(0, -1).includes('|')).length * 2 > cellLines.length;
      if (rowPerLine && run.length >= 2) {
        // "一、本年新收… | 18 | 2 | 0 |" — a whole row per line, without the leading pipe.
        pushTable(cellLines.map((t) => t.slice(0, -1).split('|').map((c) => normalizeSpace(c))));
        i = j;
        continue;
      }
      if (run.length >= 3 && (cellLines.length >= 4 || run.some((t) => PIPE_ONLY.test(t)))) {
        pushTable(rebuildPipeCells(run));
        i = j;
        continue;
      }
    }
    // (d) one cell per line, no separators.
    if (i >= cellLinesRetryAt && (isLabelLine(l) || NUMBER_LINE.test(l))) {
      const run = rebuildCellLines(lines, i);
      if ('rows' in run) {
        for (const b of run.before) pushText(b);
        pushTable(run.rows);
        i = run.end;
        continue;
      }
      cellLinesRetryAt = run.retryAt;
    }
    // (c) tab / multi-space columns over consecutive lines.
    const first = splitColumns(lines[i]) ?? splitLabelNumbers(lines[i]) ?? headerWords(lines, i);
    if (first) {
      const rows: string[][] = [first];
      const sources: Line[] = [lines[i]];
      let j = i + 1;
      while (j < lines.length) {
        const k = skipBlank(lines, j);
        if (k >= lines.length) break;
        // Inside a run a row may carry just two numbers ("政府集中采购 156 8650.43万元").
        let cells = splitColumns(lines[k]) ?? splitLabelNumbers(lines[k], 2, true) ?? headerWords(lines, k);
        // In a tab-separated table a short label line without tabs ("二、依申请公开情况") between
        // two rows of the same width is a one-cell row of that table; between rows of different
        // widths it is the heading of the next table.
        if (!cells && tabRow(lines[i]) && k + 1 < lines.length) {
          const next = splitColumns(lines[skipBlank(lines, k + 1)] ?? '');
          const label = normalizeSpace(lines[k]);
          if (next && next.length === rows[rows.length - 1].length && label.length <= 30 && !/[。；]/.test(label)) cells = [label];
        }
        if (!cells) break;
        rows.push(cells);
        sources.push(lines[k]);
        j = k + 1;
      }
      // A lone "label n n n" line is a table row too (a one-row table 二 section).
      const loneRow = rows.length === 1 && !splitColumns(lines[i]) && splitLabelNumbers(lines[i]) !== undefined;
      if (looksLikeColumnRun(rows) || loneRow) {
        const spaced = !sources.some((l) => l.includes('\t')) && sources.every((l) => splitColumns(l) !== undefined);
        pushTable(spaced ? realignSpaced(sources, rows) : rows);
        i = j;
        continue;
      }
    }
    pushText(lines[i], i);
    i++;
  }

  const titleIdx = findTitleIndex(blocks);
  let title: string | undefined;
  if (titleIdx >= 0) {
    const b = blocks[titleIdx];
    if (b.kind !== 'table') {
      title = b.text;
      blocks[titleIdx] = { kind: 'heading', text: b.text, level: 1 };
    }
  }
  const doc: Document = {
    title,
    blocks,
    source: { name: meta.name, format: meta.format ?? 'text', ...(meta.encoding ? { encoding: meta.encoding } : {}) },
    warnings,
  };
  const published = findPublished(blocks);
  if (published) doc.published = published;
  return doc;
}

const DATE_LINE = /(?:发布日期|发布时间|发文日期|成文日期|日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function findPublished(blocks: Block[]): string | undefined {
  for (const b of blocks.slice(0, 15)) {
    if (b.kind === 'table') continue;
    const m = b.text.match(DATE_LINE);
    if (m) {
      const mm = Number(m[2]);
      const dd = Number(m[3]);
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    }
  }
  return undefined;
}
