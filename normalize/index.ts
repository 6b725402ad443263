// Document → Report: is it a report → era → table metrics → prose metrics (merged, the table
// wins) → derived keys → checks. Pure: no I/O, no clock.
import { documentText, type Document } from '../extract/document.ts';
import { runChecks } from './checks.ts';
import { deriveMetrics } from './derived.ts';
import { judgeDocument } from './detect.ts';
import { isMetricKey } from './dictionary.ts';
import { compactText, detectEra } from './era.ts';
import { extractMeta } from './meta.ts';
import { extractProse } from './prose.ts';
import { mapTemplateTables } from './tables/index.ts';
import { NotAReportError, type Check, type MetricDetail, type Report } from './types.ts';

/**
 * Pre-2019 answer categories (reply.*) are what table 三's outcome rows state in template reports;
 * a template report's summary sentence ("予以公开5件，部分公开1件") restates those rows, so it is
 * not read as the old-era keys.
 */
const TABLE_OWNED_IN_TEMPLATES = /^reply\./;
/**
 * …but where the summary names a row of table 三 it states that row's 总计: a report whose tables
 * are images still says 予以公开28件，部分公开5件. The table, when readable, wins as for any key.
 */
const TEMPLATE_ROW_OF_REPLY: Record<string, string> = {
  'reply.granted': 'applications.outcome.granted.total',
  'reply.partial': 'applications.outcome.partial.total',
};

function templateProse(d: MetricDetail): MetricDetail[] {
  const row = TEMPLATE_ROW_OF_REPLY[d.key];
  if (row) return [{ ...d, key: row }];
  return TABLE_OWNED_IN_TEMPLATES.test(d.key) ? [] : [d];
}

export function normalize(doc: Document): Report {
  const compact = compactText(documentText(doc));
  const meta = extractMeta(doc);
  const { era, template } = detectEra(compact, meta.year);
  const verdict = judgeDocument(doc, compact, template);
  if (!verdict.ok) throw new NotAReportError(doc.source.name, verdict.reason);

  const checks: Check[] = [];
  const table = era === 'pre2019' ? { details: [], checks: [] } : mapTemplateTables(doc, era);
  checks.push(...table.checks);
  // Keys derived from the table are table facts: derive them before prose can claim the key.
  const tableSide = [...table.details, ...deriveMetrics(metricsOf(table.details), era)];
  const prose = era === 'pre2019' ? extractProse(doc, era) : extractProse(doc, era).flatMap(templateProse);
  const details = mergeProse(tableSide, prose, checks).filter((d) => isMetricKey(d.key));
  const metrics = metricsOf(details);
  for (const d of deriveMetrics(metrics, era)) {
    details.push(d);
    metrics[d.key] = d.value;
  }
  checks.push(...runChecks(metrics, era));
  // OCR'd numbers are low-confidence whatever the text said; the identities above are what a
  // researcher can hold them to.
  if (doc.source.ocr) for (const d of details) if (!d.derived) d.qualifier = 'low';

  return {
    file: doc.source.name,
    ...meta,
    template: era,
    metrics,
    details,
    checks,
  };
}

function metricsOf(details: MetricDetail[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const d of details) metrics[d.key] = d.value;
  return metrics;
}

/**
 * Table values first; a prose value fills a key the table lacks. Where both state a key and
 * disagree, the table's number stands and the disagreement is a failed check.
 */
export function mergeProse(tableDetails: MetricDetail[], proseDetails: MetricDetail[], checks: Check[]): MetricDetail[] {
  const out = tableDetails.slice();
  const byKey = new Map(out.map((d) => [d.key, d]));
  for (const p of proseDetails) {
    const t = byKey.get(p.key);
    if (!t) {
      byKey.set(p.key, p);
      out.push(p);
      continue;
    }
    if (t.method === 'prose') continue; // prose repeats itself: the first sentence stands
    // (a derived table key counts as the table's)
    if (t.value !== p.value) {
      checks.push({
        rule: `prose.vs.table.${p.key}`,
        ok: false,
        message: `table says ${t.value}, text says ${p.value} ("${p.source}"); the table's number is kept`,
      });
    }
  }
  return out;
}
