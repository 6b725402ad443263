// Prepared statements cached per connection: loading thousands of reports should compile each
// SQL text once, not once per report. A statement's mode (pluck/raw) must be the same at every
// call site that uses the same SQL text.
import type Database from 'better-sqlite3';
import type { DB } from './open.ts';

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

export function cached(db: DB, sql: string): Database.Statement {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let stmt = forDb.get(sql);
  if (!stmt) forDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
