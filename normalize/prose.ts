// Metrics stated in sentences (pre2019 reports, and prose parts of template reports).
// (Placeholder: the prose work replaces this; keep the signature.)
import type { Document } from '../extract/document.ts';
import type { Era, MetricDetail } from './types.ts';

export function extractProse(_doc: Document, _era: Era): MetricDetail[] {
  return [];
}
