// Table 四 data row → metrics. Columns by the stacked header when the grid has real columns and
// every header column names one block and one outcome; otherwise by position (15 numbers:
// 复议 ×5, 直接起诉 ×5, 复议后起诉 ×5; 10: litigation only; 5: review only).
import { parseCell } from '../numbers.ts';
import { enumerateSplits } from '../recover.ts';
import type { Check, MetricDetail } from '../types.ts';
import { cellKind, fitValues, isDigitRun, type RowParts } from './cells.ts';
import { cellDetail, stackHeaders, type TableOutput } from './emit.ts';
import type { SourceRow } from './rows.ts';
import { T4_BLOCKS, T4_CANONICAL, T4_OUTCOMES } from './table4.ts';

/** Grid column → index into T4_CANONICAL, when the header names every column unambiguously. */
export function table4HeaderColumns(headers: string[][]): Map<number, number> | undefined {
  if (headers.length === 0) return undefined;
  const stacked = stackHeaders(headers);
  const map = new Map<number, number>();
  const used = new Set<number>();
  for (let j = 0; j < stacked.length; j++) {
    const text = stacked[j];
    if (!text) continue;
    // The block: the most specific name in the column (复议后起诉 before 行政复议).
    const block = [2, 1, 0].find((b) => T4_BLOCKS[b].pattern.test(text));
    const last = text.split('/').pop() ?? '';
    const outcome = T4_OUTCOMES.findIndex((o) => o.pattern.test(last));
    if (block === undefined || outcome < 0) {
      if (/\d/.test(text)) continue;
      return undefined;
    }
    const idx = block * T4_OUTCOMES.length + outcome;
    if (used.has(idx)) return undefined;
    used.add(idx);
    map.set(j, idx);
  }
  return used.size >= T4_OUTCOMES.length ? map : undefined;
}

/** Does this header text show only litigation, only review, or both? */
function scope(headers: string[][]): 'both' | 'review' | 'litigation' {
  const text = headers.flat().join('');
  const review = /行政复议/.test(text.replace(/复议后起诉|未经复议/g, ''));
  const litigation = /行政诉讼|起诉/.test(text);
  return review && !litigation ? 'review' : litigation && !review ? 'litigation' : 'both';
}

const blockTotals = (v: number[], blocks: number) => {
  for (let b = 0; b < blocks; b++) {
    const o = b * 5;
    if (v[o] + v[o + 1] + v[o + 2] + v[o + 3] !== v[o + 4]) return false;
  }
  return true;
};

export function mapTable4(row: SourceRow, parts: RowParts, headers: string[][]): TableOutput {
  const details: MetricDetail[] = [];
  const checks: Check[] = [];
  const emit = (canonicalIndex: number, raw: string, value: number, qualifier: 'exact' | 'approx' | 'low', note?: string) => {
    const col = T4_CANONICAL[canonicalIndex];
    const d = cellDetail(col.key, value, qualifier, { row, labels: parts.labels.length ? parts.labels : ['行政复议、行政诉讼'], column: col.label, raw, note });
    if (d) details.push(d);
  };

  if (row.aligned) {
    const columns = table4HeaderColumns(headers);
    const runTogether = parts.values.some((v) => /^\d{7,}$/.test(v.normalize('NFKC').trim()));
    if (columns && !runTogether) {
      for (const [j, idx] of columns) {
        const raw = (row.cells[j] ?? '').trim();
        const p = parseCell(raw);
        if (p) emit(idx, raw, p.value, p.qualifier);
      }
      return { details, checks };
    }
  }

  // Fifteen numbers are the whole table whatever the header kept (a header scraped into loose
  // lines may show only its 诉讼 half).
  const stated = parts.values.filter((v) => cellKind(v) !== 'blank');
  const whole = stated.length === T4_CANONICAL.length && stated.every((v) => parseCell(v) !== undefined);
  const sc = whole ? 'both' : scope(headers);
  const width = sc === 'both' ? 15 : sc === 'review' ? 5 : 10;
  const offset = sc === 'litigation' ? 5 : 0;
  const fitted = fitValues(parts.values, width);
  if (fitted.length === width) {
    fitted.forEach((raw, i) => {
      const p = parseCell(raw);
      if (p) emit(offset + i, raw, p.value, p.qualifier);
    });
    return { details, checks };
  }
  // Fewer cells than columns: run-together digits, recovered only when the block totals pin them.
  const nonblank = parts.values.filter((v) => cellKind(v) !== 'blank').map((v) => v.normalize('NFKC').trim());
  if (nonblank.length && nonblank.every(isDigitRun)) {
    const splits = enumerateSplits(nonblank, width, (v) => blockTotals(v, width / 5));
    const runs = nonblank.join(' ');
    if (splits && splits.length === 1) {
      const split = splits[0].join('|');
      checks.push({ rule: 't4.recover', ok: true, message: `table 四 "${runs}" read as ${split}, the only split that fits the totals` });
      splits[0].forEach((v, i) => emit(offset + i, String(v), v, 'exact', `${runs} = ${split}`));
    } else {
      checks.push({
        rule: 't4.recover',
        ok: false,
        message: `table 四 cells ran together as "${runs}": ${splits ? splits.length : 'too many'} splits fit the totals; left empty`,
      });
    }
    return { details, checks };
  }
  checks.push({ rule: 't4.cells', ok: false, message: `table 四 data row has ${parts.values.length} cells, expected ${width}; not read` });
  return { details, checks };
}

/**
 * The block a transposed table 四 row names ("行政复议 | 0 | 2 | …", "行政诉讼 未经复议直接起诉 | …"),
 * or undefined. Rows of the usual layout carry no label, so the two never meet.
 */
export function transposedBlock(compactLabels: string[]): number | undefined {
  const text = compactLabels.join('/');
  if (!text) return undefined;
  if (T4_BLOCKS[2].pattern.test(text)) return 2;
  if (T4_BLOCKS[1].pattern.test(text)) return 1;
  return /^行政复议$|^行政复议\//.test(text) && !/诉讼/.test(text) ? 0 : undefined;
}

/** A transposed row: five outcome cells of one block, ordered by the header's outcome labels if it has them. */
export function mapTable4Transposed(block: number, row: SourceRow, parts: RowParts, header: string[] | undefined): TableOutput {
  const details: MetricDetail[] = [];
  const cells = fitValues(parts.values, T4_OUTCOMES.length);
  if (cells.length !== T4_OUTCOMES.length) {
    return { details, checks: [{ rule: 't4.cells', ok: false, message: `table 四 row "${parts.labels.join(' ')}" has ${parts.values.length} cells, expected 5; not read` }] };
  }
  // Outcome order from the header's last five labelled cells, when they name five distinct outcomes.
  const named = (header ?? []).map((c) => T4_OUTCOMES.findIndex((o) => o.pattern.test(c))).filter((i) => i >= 0).slice(-5);
  const order = named.length === 5 && new Set(named).size === 5 ? named : [0, 1, 2, 3, 4];
  cells.forEach((raw, i) => {
    const p = parseCell(raw);
    if (!p) return;
    const col = T4_CANONICAL[block * T4_OUTCOMES.length + order[i]];
    const d = cellDetail(col.key, p.value, p.qualifier, { row, labels: parts.labels, column: col.label.split('/').pop() ?? col.label, raw });
    if (d) details.push(d);
  });
  return { details, checks: [] };
}
