// Document → Report: era, table metrics, prose metrics, metadata, derived values, checks.
// (Placeholder assembly: the tables work replaces this; keep the signature.)
import type { Document } from '../extract/document.ts';
import { extractMeta } from './meta.ts';
import { extractProse } from './prose.ts';
import type { Report } from './types.ts';

export function normalize(doc: Document): Report {
  const details = extractProse(doc, 'pre2019');
  return {
    file: doc.source.name,
    ...extractMeta(doc),
    template: 'pre2019',
    metrics: Object.fromEntries(details.map((d) => [d.key, d.value])),
    details,
    checks: [],
  };
}
