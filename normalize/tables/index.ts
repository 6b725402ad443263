// The template tables (二, 三, 四) of a t2019/t2021 report → table metrics. Reads the document as
// one stream of rows and recognises each row by its labels, so tables split into several blocks,
// tables flattened to text and headers in separate grids all land in the same place.
import type { Document } from '../../extract/document.ts';
import type { Era } from '../types.ts';
import { cellKind, compactLabel, splitRow, stripNumbering } from './cells.ts';
import type { TableOutput } from './emit.ts';
import { documentRows, type SourceRow } from './rows.ts';
import { T2_COLUMNS, T2_ROWS, T2_WRAPPED_HEADER } from './table2.ts';
import { mapTable2Row, type T2Header } from './table2-map.ts';
import { mapTable3, matchTable3Row, type T3Context, type T3Input } from './table3-map.ts';
import { T3_ROWS, type T3Row } from './table3.ts';
import { applicantColumn, mapTransposedTable3Row, transposedTable3Header } from './table3-transposed.ts';
import { T4_HEADER } from './table4.ts';
import { mapTable4, mapTable4Transposed, transposedBlock } from './table4-map.ts';

export type { TableOutput } from './emit.ts';

const T2_HEADER_CELL = /^信息内容$/;
const MAX_T4_DATA_LABEL = 10;
const MAX_HEADER_ROWS = 6;
const T4_OUTCOME_CELL = /^(结果)?(维持|纠正|其他结果|尚未审结|总计|合计)$/;
const SECTION_CAPTION = /^[一二三四五六七八九十]+、|情况$/;

export function mapTemplateTables(doc: Document, era: Exclude<Era, 'pre2019'>): TableOutput {
  const out: TableOutput = { details: [], checks: [] };
  const add = (o: TableOutput) => {
    out.details.push(...o.details);
    out.checks.push(...o.checks);
  };
  const t3Inputs: T3Input[] = [];
  const ctx: T3Context = {};
  const t2Seen = new Set<string>();
  let t2Header: (T2Header & { row: SourceRow }) | undefined;
  // Header rows: the no-value rows just above the first data row of each grid.
  const pendingHeaders = new Map<number, string[][]>();
  const t3Headers = new Map<number, string[][]>();
  let t4Headers: SourceRow[] = [];
  let t4Active = false;
  const t4Seen = new Set<string>();
  let lastOutcomeHeader: string[] | undefined;
  /** Per grid: the column → template row map of a table 三 printed on its side (undefined: not one). */
  const t3Transposed = new Map<number, Map<number, T3Row> | undefined>();

  let previous: SourceRow | undefined;
  const rows = documentRows(doc);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const before = previous;
    previous = row;
    let parts = splitRow(row.cells);
    const hasValues = parts.values.some((v) => cellKind(v) !== 'blank');
    if (hasValues && before && !namesTemplateRow(parts.labels)) {
      // Text from a PDF wraps a long label around its numbers: the label's first line above the
      // numbers' line, its last line below ("2.其他法律行政法规" / "0 0 …" / "禁止公开").
      const wrapped = wrappedLabel(before, parts.labels, rows[i + 1]);
      if (wrapped) parts = { ...parts, labels: wrapped };
    }
    const labels = parts.labels.map((l) => stripNumbering(compactLabel(l)));

    if (row.aligned && hasValues) {
      const column = applicantColumn(parts.labels);
      if (!t3Transposed.has(row.group)) {
        const header = pendingHeaders.get(row.group);
        t3Transposed.set(row.group, column !== undefined && header ? transposedTable3Header(header) : undefined);
      }
      const columns = t3Transposed.get(row.group);
      if (columns && column !== undefined) {
        out.details.push(...mapTransposedTable3Row(row, parts, column, columns));
        pendingHeaders.delete(row.group);
        continue;
      }
    }
    const t3 = matchTable3Row(labels, ctx);
    if (t3 && hasValues) {
      if (!t3Headers.has(row.group)) t3Headers.set(row.group, pendingHeaders.get(row.group) ?? []);
      t3Inputs.push({ spec: t3, parts, row, headers: t3Headers.get(row.group)! });
      pendingHeaders.delete(row.group);
      t4Active = false;
      continue;
    }
    const t2 = hasValues ? T2_ROWS.find((r) => labels.some((l) => r.pattern.test(l))) : undefined;
    if (t2) {
      if (!t2Seen.has(t2.prefix)) {
        t2Seen.add(t2.prefix);
        add(mapTable2Row(t2.prefix, row, parts, t2Header, era));
      }
      pendingHeaders.delete(row.group);
      t4Active = false;
      continue;
    }
    if (!hasValues) {
      const list = pendingHeaders.get(row.group) ?? [];
      list.push(row.cells);
      if (list.length > MAX_HEADER_ROWS) list.shift(); // headers are a few rows; bound the work
      pendingHeaders.set(row.group, list);
      if (labels.some((l) => T2_HEADER_CELL.test(l) || T2_COLUMNS.some((c) => c.pattern.test(l)) || T2_WRAPPED_HEADER.test(l))) {
        // A header wrapped over two rows (本年新 / 制作数量) is stacked cell by cell.
        t2Header =
          t2Header && before === t2Header.row && before.group === row.group && before.cells.length === row.cells.length
            ? { cells: row.cells.map((c, j) => stackCell(t2Header!.cells[j], c)), group: row.group, row }
            : { cells: row.cells, group: row.group, row };
      }
      if (labels.filter((l) => T4_OUTCOME_CELL.test(l)).length >= 5) lastOutcomeHeader = labels;
      const joined = labels.join('');
      if (T4_HEADER.test(joined)) {
        if (!t4Active) t4Headers = [];
        // A section caption ("四、政府信息公开行政复议、行政诉讼情况") opens the table but names
        // both remedies whatever the grid below holds: it is not a header row.
        if (!SECTION_CAPTION.test(compactLabel(row.cells[0] ?? ''))) t4Headers.push(row);
        if (t4Headers.length > MAX_HEADER_ROWS) t4Headers.shift();
        t4Active = true;
      }
      continue;
    }
    const block = transposedBlock(labels);
    if (block !== undefined) {
      const t4 = mapTable4Transposed(block, row, parts, lastOutcomeHeader);
      out.details.push(...t4.details.filter((d) => !t4Seen.has(d.key)));
      out.checks.push(...t4.checks);
      for (const d of t4.details) t4Seen.add(d.key);
      pendingHeaders.delete(row.group);
      continue;
    }
    if (t4Active && looksLikeTable4Data(parts.labels, parts.values)) {
      const sameGrid = t4Headers.filter((h) => h.group === row.group).map((h) => h.cells);
      // The grid's own header says which blocks it holds (复议 and 诉讼 may be separate grids).
      const headers = sameGrid.length ? sameGrid : t4Headers.map((h) => h.cells);
      // Table 四 may come as one grid or as 复议 and 诉讼 grids; each block is read once.
      const t4 = mapTable4(row, parts, headers);
      out.details.push(...t4.details.filter((d) => !t4Seen.has(d.key)));
      out.checks.push(...t4.checks);
      for (const d of t4.details) t4Seen.add(d.key);
      t4Active = false;
    }
    pendingHeaders.delete(row.group);
  }
  add(mapTable3(t3Inputs));
  return out;
}

const LEADING_NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．])/;
const MAX_WRAPPED_LINE = 30;

const namesTemplateRow = (labels: string[]) =>
  labels.some((l) => {
    const c = stripNumbering(compactLabel(l));
    return T3_ROWS.some((r) => r.pattern.test(c)) || T2_ROWS.some((r) => r.pattern.test(c));
  });

/**
 * The label of a value row whose own label text names no template row because the label wrapped
 * around the numbers' line: the label-only line above, the row's own label text, and the
 * label-only line below when it continues the label (no numbering of its own). Only a joined
 * label that names a template row is taken, so table 四's numbers under their header stay as
 * they are.
 */
function wrappedLabel(above: SourceRow, own: string[], below: SourceRow | undefined): string[] | undefined {
  const labelOnly = (r: SourceRow | undefined) => {
    if (!r) return undefined;
    const p = splitRow(r.cells);
    if (p.values.some((v) => cellKind(v) !== 'blank') || p.labels.length === 0) return undefined;
    const text = p.labels.join('');
    return text.length <= MAX_WRAPPED_LINE ? text : undefined;
  };
  const first = labelOnly(above);
  if (!first) return undefined;
  const rest = labelOnly(below);
  const label = first + own.join('') + (rest && !LEADING_NUMBERING.test(rest) ? rest : '');
  return namesTemplateRow([label]) ? [label] : undefined;
}

/** Two stacked header cells as one ("本年新" over "制作数量"); a rowspan repeat counts once. */
function stackCell(upper: string, lower: string): string {
  const u = upper.trim();
  const l = lower.trim();
  return !u || u === l ? l : !l ? u : u + l;
}

function looksLikeTable4Data(labels: string[], values: string[]): boolean {
  if (labels.join('').length > MAX_T4_DATA_LABEL) return false;
  const nonblank = values.filter((v) => cellKind(v) !== 'blank');
  const digits = nonblank.reduce((n, v) => n + v.replace(/\D/g, '').length, 0);
  return nonblank.length >= 5 || digits >= 15;
}
