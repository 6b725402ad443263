// The promise of issue 5: a report gives exactly the same metrics whether it is parsed from its
// portal page, its PDF attachment or its Word attachment. Every fixture in test/fixtures/docs
// that exists both as HTML and as PDF/DOCX/DOC/WPS is parsed by the same code as `ogi parse`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../scripts/parse-file.ts';
import type { Report } from '../normalize/types.ts';

const DOCS = new URL('./fixtures/docs/', import.meta.url).pathname;
const ROOT = new URL('../', import.meta.url).pathname;

async function report(file: string): Promise<Report> {
  const r = await parseFile(DOCS + file);
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return r.report;
}

// A few numbers per report that a reader checks by eye in the source tables and prose.
const REPORTS: { name: string; template: string; key: Record<string, number> }[] = [
  {
    name: 't2019-mudanjiang',
    template: 't2019',
    key: {
      'normative_docs.public_total': 101,
      'procurement.amount': 56370,
      'applications.new.total': 20,
      'applications.outcome.unavailable.not_held.natural_person': 10,
      'applications.carried_forward.commercial': 1,
      'review.corrected': 2,
      'litigation.direct.upheld': 1,
    },
  },
  {
    name: 't2021-changle',
    template: 't2021',
    key: {
      'normative_docs.in_force': 37,
      'licensing.decisions': 12846,
      'fees.amount': 268000,
      'applications.new.total': 63,
      'applications.outcome.other_misc.legal_service': 1,
      'applications.outcome.total.total': 62,
      'applications.carried_forward.other_org': 1,
      'review.total': 5,
      'litigation.after_review.other': 1,
    },
  },
  {
    name: 'pre2019-kaizhou',
    template: 'pre2019',
    key: { 'proactive.total': 80600, 'applications.new.total': 115, 'review.total': 1, 'review.corrected': 1, 'org.staff': 93 },
  },
];

// .pdf: printed by Chromium; .office.pdf: exported by an office suite (LibreOffice) from the DOCX;
// .borderless.pdf: printed with the table borders switched off (columns from alignment only).
const FORMATS = ['pdf', 'office.pdf', 'borderless.pdf', 'docx', 'doc', 'wps'];

describe('the same report in every format gives the same metrics', () => {
  for (const { name, template, key } of REPORTS) {
    const renditions = FORMATS.filter((ext) => existsSync(`${DOCS}${name}.${ext}`));
    it(`${name}: HTML page vs ${renditions.join(', ')}`, async () => {
      const html = await report(`${name}.html`);
      expect(html.template).toBe(template);
      expect(html.metrics).toMatchObject(key);
      expect(Object.keys(html.metrics).length).toBeGreaterThan(Object.keys(key).length);
      for (const ext of renditions) {
        const other = await report(`${name}.${ext}`);
        expect(other.metrics, ext).toEqual(html.metrics);
        expect({ template: other.template, year: other.year, region: other.region, agency: other.agency, agency_kind: other.agency_kind }, ext).toEqual({
          template: html.template,
          year: html.year,
          region: html.region,
          agency: html.agency,
          agency_kind: html.agency_kind,
        });
      }
    });
  }

  it('PDF numbers carry the page they were read on', async () => {
    const pdf = await report('t2021-changle.pdf');
    const detail = pdf.details.find((d) => d.key === 'applications.new.total')!;
    expect(detail.method).toBe('table');
    expect(detail.page).toBe(2);
  });
});

describe('ogi parse on files it cannot read', () => {
  const run = (file: string) =>
    promisify(execFile)('node', ['bin/ogi.mjs', 'parse', DOCS + file], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    );

  it('a truncated PDF exits 4 with one sentence naming the file', async () => {
    const { code, stderr } = await run('truncated-mudanjiang.pdf');
    expect(code).toBe(4);
    expect(stderr.trim().split('\n')).toEqual([`ogi: ${DOCS}truncated-mudanjiang.pdf: the PDF is truncated or damaged (no end-of-file marker); the download was probably cut off.`]);
  });

  it('a scanned PDF exits 4 and says it needs OCR', async () => {
    const { code, stderr } = await run('scanned-mudanjiang.pdf');
    expect(code).toBe(4);
    expect(stderr).toMatch(/scanned-mudanjiang\.pdf: the PDF is a scan: .* \(OCR needed\)\.\n$/);
  });
});
