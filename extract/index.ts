// bytes → Document. Picks the extractor by sniffing the bytes (not the file extension).
// (Placeholder dispatch: plain UTF-8 text only. The extract work replaces this.)
import type { Document } from './document.ts';
import { ExtractError } from './errors.ts';

export interface ExtractInput {
  name: string;
  contentType?: string;
}

export async function extractBytes(bytes: Uint8Array, input: ExtractInput): Promise<Document> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractError('unreadable', input.name, 'not UTF-8 text');
  }
  return {
    blocks: text.split(/\n/).filter((l) => l.trim()).map((t) => ({ kind: 'paragraph' as const, text: t.trim() })),
    source: { name: input.name, format: 'text', encoding: 'utf-8' },
    warnings: [],
  };
}
