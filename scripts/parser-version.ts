// The parser version recorded with every extracted document: the package version plus a short
// hash of the parser's own sources (extract/, normalize/ and the dictionary). Any change to the
// parser changes it, so `ogi run` re-extracts stored documents exactly when the parser changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from './cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARSER_DIRS = ['extract', 'normalize'];

function parserFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out.push(...parserFiles(path));
    } else if (/\.(ts|tsv|json)$/.test(name) && !name.endsWith('.test.ts')) {
      out.push(path);
    }
  }
  return out;
}

let cached: string | undefined;

/** OGI_PARSER_VERSION overrides the computed version (tests pin it; operators can force one). */
export function parserVersion(): string {
  if (process.env.OGI_PARSER_VERSION) return process.env.OGI_PARSER_VERSION;
  if (!cached) {
    const hash = createHash('sha256');
    for (const dir of PARSER_DIRS) {
      for (const file of parserFiles(join(ROOT, dir))) {
        hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
      }
    }
    cached = `${VERSION}+${hash.digest('hex').slice(0, 10)}`;
  }
  return cached;
}
