import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const print = (env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./scripts/parser-version.ts').then(m => console.log(m.parserVersion()))"], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OGI_PARSER_VERSION: undefined, ...env },
  }).stdout.trim();

describe('parser version', () => {
  it('is the package version plus a hash of the parser sources, stable between processes', () => {
    const v = print({});
    expect(v).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{10}$/);
    expect(print({})).toBe(v);
  });

  it('can be pinned with OGI_PARSER_VERSION', () => {
    expect(print({ OGI_PARSER_VERSION: 'pinned-1' })).toBe('pinned-1');
  });
});
