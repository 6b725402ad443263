// PDF text items → runs → lines. Pure geometry: no pdf.js types, so tests can feed items by hand.
//
// Coordinates are PDF user space (origin bottom-left, y grows upwards). A *run* is text that was
// set contiguously (a cell's content, a line of prose); a *line* is the runs sharing a baseline.
import { repairGlyphs } from './pdf-glyphs.ts';

/** One positioned piece of text as pdf.js reports it (already in page space). */
export interface TextItem {
  str: string;
  /** Baseline start. */
  x: number;
  y: number;
  /** Advance width of the whole string. */
  width: number;
  /** Font size (height of the em box). */
  size: number;
}

export interface Run {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface Line {
  /** Baseline. */
  y: number;
  x0: number;
  x1: number;
  /** Largest font size on the line. */
  size: number;
  runs: Run[];
  /** The runs as given, before touching ones were joined. */
  sources: Run[];
  text: string;
}

/** Repaired glyphs (see pdf-glyphs.ts); no-break and ideographic spaces become plain spaces. */
export function normalizeGlyphs(s: string): string {
  return dropAutospace(repairGlyphs(s).replace(/[\u00A0\u3000]/g, ' '));
}

const CJK_CHAR = '[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]';
const AUTOSPACE = new RegExp(`(?<=${CJK_CHAR})\\s+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%.,:;)])\\s+(?=${CJK_CHAR})`, 'g');

/**
 * Word, WPS and LibreOffice put a quarter-em gap (often a real space character) between Chinese
 * and Latin or digits: "受理申请 63 件". In a PDF it cannot be told from a typed space, and it
 * is never meaningful next to a Chinese character, so it goes. Spaces between two numbers stay.
 */
export function dropAutospace(s: string): string {
  return s.replace(AUTOSPACE, '');
}

const HALF_WIDTH = /[\x20-\x7e]/;

/**
 * Splits an item at whitespace into runs with estimated x positions. Some producers set a whole
 * table row ("52  7  1") as one string; cutting at the blanks keeps every number in its own cell.
 */
export function itemRuns(item: TextItem): Run[] {
  const text = normalizeGlyphs(item.str);
  if (!text.trim()) return [];
  if (!/\s/.test(text.trim())) {
    const lead = text.length - text.trimStart().length;
    const units = weight(text);
    const per = units > 0 ? item.width / units : 0;
    const x0 = item.x + weight(text.slice(0, lead)) * per;
    return [{ text: text.trim(), x0, x1: x0 + weight(text.trim()) * per, y: item.y, size: item.size }];
  }
  const units = weight(text);
  const per = units > 0 ? item.width / units : item.size;
  const runs: Run[] = [];
  let offset = 0;
  for (const part of text.split(/(\s+)/)) {
    const w = weight(part) * per;
    if (part.trim()) runs.push({ text: part, x0: item.x + offset, x1: item.x + offset + w, y: item.y, size: item.size });
    offset += w;
  }
  return runs;
}

/**
 * Cuts a run at page position `x` (a cell border it straddles), at the character boundary the
 * estimated glyph widths put nearest to it. Undefined when the cut would leave a side empty.
 * pdf.js joins text set right after other text into one item, so a label filling its cell and
 * the number just past the border ("行政规范性文件" + "0") arrive as one run.
 */
export function splitRunAt(run: Run, x: number): [Run, Run] | undefined {
  const chars = [...run.text];
  const units = weight(run.text);
  if (units <= 0 || run.x1 <= run.x0) return undefined;
  const per = (run.x1 - run.x0) / units;
  let at = run.x0;
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i <= chars.length; i++) {
    const d = Math.abs(at - x);
    if (d < bestDist) [best, bestDist] = [i, d];
    if (i < chars.length) at += weight(chars[i]) * per;
  }
  const left = chars.slice(0, best).join('');
  const right = chars.slice(best).join('');
  if (!left.trim() || !right.trim()) return undefined;
  const cut = run.x0 + weight(left) * per;
  return [
    { ...run, text: left.trimEnd(), x1: cut },
    { ...run, text: right.trimStart(), x0: cut },
  ];
}

/** Width of a string in em: Latin letters, digits and ASCII punctuation are about half an em. */
function weight(s: string): number {
  let w = 0;
  for (const ch of s) w += HALF_WIDTH.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * Groups runs into lines by baseline and joins touching runs. Two runs on one line stay separate
 * when the gap between them is wider than about a character: that gap is a column boundary.
 */
export function buildLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    // Same line when baselines are within a third of the font size (superscripts, mixed fonts).
    if (last && Math.abs(last[0].y - run.y) <= Math.max(1, 0.35 * Math.min(last[0].size, run.size))) last.push(run);
    else lines.push([run]);
  }
  return lines.map((group) => {
    group.sort((a, b) => a.x0 - b.x0);
    const merged: Run[] = [];
    for (const run of group) {
      const prev = merged[merged.length - 1];
      const gap = prev ? run.x0 - prev.x1 : Infinity;
      if (prev && gap < 0.6 * Math.min(prev.size, run.size)) {
        prev.text += gap > 0.15 * run.size && spaced(prev.text, run.text) ? ' ' + run.text : run.text;
        prev.x1 = Math.max(prev.x1, run.x1);
      } else merged.push({ ...run });
    }
    const size = Math.max(...merged.map((r) => r.size));
    return {
      y: group[0].y,
      x0: merged[0].x0,
      x1: Math.max(...merged.map((r) => r.x1)),
      size,
      runs: merged,
      sources: group,
      // A wide gap inside a line is a column boundary; keep one space so words stay apart.
      text: merged.map((r) => r.text).join(' '),
    };
  });
}

/** A visible gap between Latin letters or digits is a space ("18 20" must not become 1820). */
function spaced(left: string, right: string): boolean {
  return /[A-Za-z0-9.,;:%)]$/.test(left) && /^[A-Za-z0-9(]/.test(right);
}

/** Joins the lines of one paragraph or cell: Chinese wraps without spaces, Latin words with one. */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    out += out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(p) ? ' ' + p : p;
  }
  // Gaps between two Chinese characters are distributed alignment (分散对齐: "信 息 内 容") or
  // letter-spaced titles, never word spaces — as the HTML extractor treats them.
  return out.replace(SPACE_BETWEEN_CJK, '');
}

const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK_CHAR})\\s+(?=${CJK_CHAR})`, 'g');
