// Building the MetricDetail of one table cell, and header stacking shared by the mappers.
import { isMetricKey, unitOf } from '../dictionary.ts';
import type { Check, MetricDetail, Qualifier } from '../types.ts';
import { compactLabel } from './cells.ts';
import type { SourceRow } from './rows.ts';

/** What the table mappers hand back: cell values and the checks they raised while reading. */
export interface TableOutput {
  details: MetricDetail[];
  checks: Check[];
}

export function cellDetail(
  key: string,
  value: number,
  qualifier: Qualifier,
  at: { row: SourceRow; labels: string[]; column: string; raw: string; note?: string },
): MetricDetail | undefined {
  if (!isMetricKey(key)) return undefined;
  const rowLabel = at.labels.join(' ');
  const d: MetricDetail = {
    key,
    value,
    unit: unitOf(key),
    qualifier,
    derived: false,
    method: 'table',
    source: [...at.labels, at.column, at.note ? `${at.note} → ${at.raw}` : at.raw].join(' | '),
    row: rowLabel,
    column: at.column,
  };
  if (at.row.table !== undefined) d.table = at.row.table;
  if (at.row.page !== undefined) d.page = at.row.page;
  return d;
}

/**
 * Header rows stacked per grid column: the texts of every header cell above a column, compact,
 * without consecutive repeats (a rowspan repeats its text down the column).
 */
export function stackHeaders(headerRows: string[][]): string[] {
  const width = headerRows.reduce((w, r) => Math.max(w, r.length), 0);
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (const r of headerRows) {
      const c = compactLabel(r[j] ?? '');
      if (c && parts[parts.length - 1] !== c) parts.push(c);
    }
    out.push(parts.join('/'));
  }
  return out;
}
