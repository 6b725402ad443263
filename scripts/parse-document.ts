// One stored document → a parsed report with its text, or a classified failure: parseBytes
// (scripts/parse-file.ts) in the shape the store takes. Runs the same in the main thread and in a
// parse worker.
import type { ParsedDocument } from '../db/store.ts';
import { parseBytes } from './parse-file.ts';

export async function parseDocument(bytes: Uint8Array, name: string, contentType?: string): Promise<ParsedDocument> {
  const result = await parseBytes(bytes, name, contentType, { withText: true });
  return result.ok ? result : { ok: false, failure: result.failure, message: result.message };
}
