// The data a parsed report is made of. Mirrors the JSON that `ogi parse` prints
// (see README "Output"), so `JSON.stringify(report)` is the contract.

export type Era = 'pre2019' | 't2019' | 't2021';
export type AgencyKind = 'government' | 'department';
export type Unit = 'items' | 'cases' | 'times' | 'persons' | 'yuan';
/** `approx`: the text qualified the number (余/多/近/约/左右/以上); `low`: from OCR. */
export type Qualifier = 'exact' | 'approx' | 'low';
/** How a number was obtained. `table`: a table cell; `prose`: a sentence; `derived`: computed per the spec. */
export type Method = 'table' | 'prose' | 'derived';

/** Where a number came from, precise enough for a researcher to find it again. */
export interface Provenance {
  method: Method;
  /** The cell row (label | … | value) or the sentence the number was read from, or the formula. */
  source: string;
  /** Table ordinal / row label / column label, for table values. */
  table?: number;
  row?: string;
  column?: string;
  /** Page number for paginated sources. */
  page?: number;
}

/** One stated (or derived) number with its provenance: an element of the report's `details`. */
export interface MetricDetail extends Provenance {
  key: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  derived: boolean;
}

export interface Check {
  /** Stable rule id, e.g. `t3.balance.total`, `t3.rowsum.granted`, `t4.review.total`. */
  rule: string;
  ok: boolean;
  message: string;
}

export interface Region {
  name: string;
  code: string;
}

export interface ReportMeta {
  title?: string;
  year?: number;
  region?: Region;
  agency?: string;
  agency_kind?: AgencyKind;
  /** Publishing date (YYYY-MM-DD) when the page states it; not the year covered. */
  published?: string;
}

export interface Report extends ReportMeta {
  file: string;
  template: Era;
  metrics: Record<string, number>;
  details: MetricDetail[];
  checks: Check[];
}

/** Thrown when a document parses but is not an annual report (CLI exit 3). */
export class NotAReportError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.name = 'NotAReportError';
    this.file = file;
  }
}
