// Commands that read an existing dataset (export, reparse, search) must not silently create an
// empty database when the path is mistyped.
import { existsSync } from 'node:fs';

/** True when the database file exists; otherwise prints one clear sentence to stderr. */
export function requireDatabase(path: string): boolean {
  if (existsSync(path)) return true;
  process.stderr.write(`ogi: no database at ${path} (run \`ogi run --sites FILE --db ${path}\` first)\n`);
  return false;
}
