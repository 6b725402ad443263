// Parses every fixture under test/fixtures, then N generated bench reports, and writes one JSON
// line per item (report or failure): a performance change must leave this output byte-identical.
//   npx tsx scripts/bench/equality.ts [N=300] > after.jsonl   (run on the tree before, then diff)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes, parseFile } from '../parse-file.ts';
import { generateItem, loadSources } from './corpus.ts';

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (!/\.(json|tsv|csv|md)$/i.test(name)) out.push(p);
  }
  return out;
}

function line(file: string, r: Awaited<ReturnType<typeof parseFile>>): string {
  return JSON.stringify(r.ok ? { file, report: r.report, text: r.text } : r) + '\n';
}

for (const file of walk('test/fixtures', [])) process.stdout.write(line(file, await parseFile(file, { ocr: false })));
const n = Number(process.argv[2] ?? 300);
const sources = loadSources('.');
for (let i = 0, done = 0; done < n; i++) {
  const item = generateItem(7, i, sources);
  if (item.format === 'pdf') continue;
  done++;
  process.stdout.write(line(item.name, await parseBytes(item.bytes, item.name, undefined, { ocr: false })));
}
