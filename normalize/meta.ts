// Report metadata from the document: title, year covered, region (GB/T 2260), agency, agency kind.
// (Placeholder: the metadata work replaces this; keep the signature.)
import type { Document } from '../extract/document.ts';
import type { ReportMeta } from './types.ts';

export function extractMeta(doc: Document): ReportMeta {
  return { title: doc.title };
}
