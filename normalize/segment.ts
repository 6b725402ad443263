// Chinese word segmentation: the only module that touches nodejieba. Loaded lazily because its
// dictionaries take a moment to load and most commands never need them. Words only: numbers are
// never read from its tokens (it splits digits one by one).
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
}

let jieba: Jieba | undefined;

function load(): Jieba {
  if (!jieba) jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
  return jieba;
}

/** Words of `text`, whitespace and punctuation dropped. */
export function segment(text: string): string[] {
  if (!text.trim()) return [];
  return load()
    .cut(text, true)
    .map((w) => w.trim())
    .filter((w) => w !== '' && /[\p{L}\p{N}]/u.test(w));
}

/** The text as space-joined words: the form FTS5's unicode61 tokenizer indexes word by word. */
export function segmentForIndex(text: string): string {
  return segment(text).join(' ');
}
