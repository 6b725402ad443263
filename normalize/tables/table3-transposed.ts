// Table 三 printed transposed: a column per template row (本年新收 … (七)总计, 结转下年度), a row
// per applicant type (自然人, 法人或其他组织/商业企业 … 总计). Some agencies turn the template's
// wide table on its side to fit a portrait page. Read only where the grid has real columns
// (HTML/DOCX/PDF geometry): the stacked header names each column.
import { parseCell } from '../numbers.ts';
import type { MetricDetail } from '../types.ts';
import { compactLabel, stripNumbering, type RowParts } from './cells.ts';
import { cellDetail, stackHeaders } from './emit.ts';
import type { SourceRow } from './rows.ts';
import { T3_COLUMNS, type T3Row } from './table3.ts';
import { matchTable3Row } from './table3-map.ts';

/** Fewest template rows a header must name to be table 三 on its side. */
const MIN_ROWS = 4;

/** Grid column → template row, when the stacked header names template rows across its columns. */
export function transposedTable3Header(headers: string[][]): Map<number, T3Row> | undefined {
  if (headers.length === 0) return undefined;
  const stacked = stackHeaders(headers);
  const map = new Map<number, T3Row>();
  const used = new Set<string>();
  for (let j = 0; j < stacked.length; j++) {
    if (!stacked[j]) continue;
    const parts = stacked[j].split('/').map((p) => stripNumbering(p));
    const row = matchTable3Row(parts, {});
    if (!row) continue;
    if (used.has(row.key)) {
      if (map.get(j - 1)?.key !== row.key) return undefined; // one row named by two columns: not this layout
      continue; // a colspan repeat
    }
    used.add(row.key);
    map.set(j, row);
  }
  return used.size >= MIN_ROWS && used.has('new') ? map : undefined;
}

/** The applicant column a transposed row stands for, from its last label cell. */
export function applicantColumn(labels: string[]): number | undefined {
  if (labels.length === 0) return undefined;
  const last = stripNumbering(compactLabel(labels[labels.length - 1]));
  const i = T3_COLUMNS.findIndex((c) => c.pattern.test(last));
  return i >= 0 ? i : undefined;
}

/** One applicant row of a transposed table 三: a value per template row its header names. */
export function mapTransposedTable3Row(row: SourceRow, parts: RowParts, column: number, columns: Map<number, T3Row>): MetricDetail[] {
  const details: MetricDetail[] = [];
  for (const [j, spec] of columns) {
    if (j < parts.labelEnd) continue;
    const raw = (row.cells[j] ?? '').trim();
    const p = parseCell(raw);
    if (!p) continue;
    const d = cellDetail(`applications.${spec.key}.${T3_COLUMNS[column].key}`, p.value, p.qualifier, {
      row,
      labels: parts.labels,
      column: spec.key,
      raw,
    });
    if (d) details.push(d);
  }
  return details;
}
