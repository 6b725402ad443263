// Cross-year checks, stored in `checks` with scope 'xyear' on the later year's report and
// recomputed from scratch over the current reports after every load (so they follow reparses).
//
// Pairs: the current report of a subject (same agency, see db/identity.ts) for year Y and the
// current report of the same subject for year Y-1. A rule is evaluated only when every number it
// needs is stated in the reports; silence is never read as 0.
//
// - xyear.carried_over.<col>: last year's applications.carried_forward.<col> (结转下年度继续办理)
//   = this year's applications.carried_over.<col> (上年结转政府信息公开申请数量), for each applicant
//   column natural_person … total.
// - xyear.in_force.<rules|normative_docs>: for two t2021 reports, last year's <x>.in_force
//   (现行有效件数) + this year's <x>.issued (本年制发件数) − this year's <x>.repealed (本年废止件数)
//   = this year's <x>.in_force. Both in_force values and this year's issued and repealed must be
//   stated.
import { T3_COLUMN_KEYS } from '../normalize/tables/table3.ts';
import type { DB } from './open.ts';

const COLUMNS = T3_COLUMN_KEYS;
const STOCKS = ['rules', 'normative_docs'];

type Metrics = Map<string, number>;

interface Pair {
  thisId: number;
  lastId: number;
  year: number;
  thisTemplate: string;
  lastTemplate: string;
}

export interface XyearCheck {
  report_id: number;
  rule: string;
  ok: boolean;
  message: string;
}

export function crossYearChecks(pair: Pair, now: Metrics, last: Metrics): XyearCheck[] {
  const out: XyearCheck[] = [];
  const y = pair.year;
  for (const col of COLUMNS) {
    const fwd = last.get(`applications.carried_forward.${col}`);
    const over = now.get(`applications.carried_over.${col}`);
    if (fwd === undefined || over === undefined) continue;
    out.push({
      report_id: pair.thisId,
      rule: `xyear.carried_over.${col}`,
      ok: fwd === over,
      message: `${y - 1} 结转下年度 ${fwd} ${fwd === over ? '=' : '≠'} ${y} 上年结转 ${over}`,
    });
  }
  if (pair.thisTemplate === 't2021' && pair.lastTemplate === 't2021') {
    for (const stock of STOCKS) {
      const before = last.get(`${stock}.in_force`);
      const after = now.get(`${stock}.in_force`);
      const issued = now.get(`${stock}.issued`);
      const repealed = now.get(`${stock}.repealed`);
      if (before === undefined || after === undefined || issued === undefined || repealed === undefined) continue;
      const expected = before + issued - repealed;
      out.push({
        report_id: pair.thisId,
        rule: `xyear.in_force.${stock}`,
        ok: expected === after,
        message: `${y - 1} 现行有效 ${before} + ${y} 制发 ${issued} − 废止 ${repealed} = ${expected} ${expected === after ? '=' : '≠'} ${y} 现行有效 ${after}`,
      });
    }
  }
  return out;
}

/** Recomputes every cross-year check; returns how many were stored and how many failed. */
export function refreshCrossYearChecks(db: DB): { stored: number; failed: number } {
  return db.transaction(() => {
    db.prepare("DELETE FROM checks WHERE scope = 'xyear'").run();
    const pairs = db
      .prepare(
        `SELECT a.id AS thisId, b.id AS lastId, a.year AS year, a.template AS thisTemplate, b.template AS lastTemplate
           FROM reports a JOIN reports b ON b.subject = a.subject AND b.year = a.year - 1 AND b.current = 1
          WHERE a.current = 1 AND a.subject NOT LIKE 'url:%'`,
      )
      .all() as Pair[];
    const metricsOf = db.prepare('SELECT key, value FROM metrics WHERE report_id = ?').raw();
    const load = (id: number): Metrics => new Map(metricsOf.all(id) as Array<[string, number]>);
    const insert = db.prepare("INSERT INTO checks (report_id, scope, rule, ok, message) VALUES (?, 'xyear', ?, ?, ?)");
    let stored = 0;
    let failed = 0;
    for (const pair of pairs) {
      for (const c of crossYearChecks(pair, load(pair.thisId), load(pair.lastId))) {
        insert.run(c.report_id, c.rule, c.ok ? 1 : 0, c.message);
        stored++;
        if (!c.ok) failed++;
      }
    }
    return { stored, failed };
  })();
}
