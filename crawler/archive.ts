// The content-addressed archive: raw bytes stored once per sha256 in `blobs`.
import { createHash } from 'node:crypto';
import type { DB } from '../db/open.ts';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores bytes under their hash (no-op when already present); returns the hash and whether it was new. */
export function storeBlob(db: DB, bytes: Buffer, now: string): { sha256: string; isNew: boolean } {
  const sha256 = sha256Of(bytes);
  const info = db
    .prepare('INSERT INTO blobs (sha256, size, bytes, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING')
    .run(sha256, bytes.length, bytes, now);
  return { sha256, isNew: info.changes > 0 };
}

export function readBlob(db: DB, sha256: string): Buffer {
  const row = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  if (!row) throw new Error(`no archived blob with sha256 ${sha256}`);
  return row.bytes;
}
