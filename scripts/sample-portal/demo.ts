// `npm start`: serve the sample portal, run the whole pipeline on it into ./data/ogi.sqlite,
// export the CSVs, print the summary and a region × year table, stop the server. Offline.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSamplePortal } from './server.ts';

/** The port an earlier demo wrote into its sites file, so the database's URLs stay valid. */
function previousPort(sitesPath: string): number | undefined {
  if (!existsSync(sitesPath)) return undefined;
  const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(readFileSync(sitesPath, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

export async function runDemo(opts: { db: string; out: string }): Promise<number> {
  const { lockDatabaseOrReport, EXIT_LOCKED } = await import('../lock.ts');
  const { loadSites } = await import('../../crawler/index.ts');
  const { openStore } = await import('../../db/store.ts');
  const { exportCsvs } = await import('../../db/export.ts');
  const { runPipeline } = await import('../pipeline.ts');
  const { formatSummary, headlineTable } = await import('../summary.ts');
  const { progressSink } = await import('../progress.ts');
  const { createLogger } = await import('../log.ts');

  mkdirSync(dirname(opts.db), { recursive: true });
  const lock = lockDatabaseOrReport(opts.db);
  if (!lock) return EXIT_LOCKED;
  const sitesPath = join(dirname(opts.db), 'sample-sites.yaml');
  const portal = await startSamplePortal({ preferredPort: previousPort(sitesPath) });
  try {
    writeFileSync(
      sitesPath,
      [
        '# Written by `npm start` for the bundled sample portal (the next run reuses this port when free).',
        'sites:',
        '  - id: sample-portal',
        '    name: 示例门户',
        `    start_urls: ["${portal.startUrl}"]`,
        '    allow: ["/zwgk/"]',
        '    render: never',
        '    rate: 20',
        '',
      ].join('\n'),
    );
    process.stdout.write(`sample portal at ${portal.url} (sites file ${sitesPath})\n`);
    const logger = createLogger({ level: process.env.OGI_LOG_LEVEL ?? 'warn' });
    const db = openStore(opts.db);
    try {
      const summary = await runPipeline(db, loadSites(sitesPath), {
        logger,
        contact: 'https://example.org/ogi-demo',
        progress: await progressSink(),
      });
      const exported = exportCsvs(db, opts.out);
      process.stdout.write(`\n${formatSummary(summary)}\n\n`);
      process.stdout.write(`${headlineTable(db)}\n\n`);
      for (const f of exported.files) process.stdout.write(`wrote ${f.path} (${f.rows} rows)\n`);
      process.stdout.write(`database ${opts.db} — try: node bin/ogi.mjs query --db ${opts.db} "SELECT * FROM reports"\n`);
    } finally {
      db.close();
    }
  } finally {
    await portal.close();
    lock.release();
  }
  return 0;
}
