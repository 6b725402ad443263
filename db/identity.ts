// Which report a parsed document is. A report is one agency's report for one year:
//   subject = 'agency:<agency name>'   when the report names its agency (the usual case);
//   subject = 'region:<code>:<kind>'   when it only gives a region (code + agency_kind);
//   subject = 'url:<source url>'       when it states neither, or no year: it cannot be matched
//                                      with any other document, so it stands alone.
// The agency name is compared after NFKC folding and removing whitespace, so full-width
// variants and stray spaces in a title do not split one agency into two.
import type { Report } from '../normalize/types.ts';

export interface ReportIdentity {
  subject: string;
  year: number | null;
}

export function normalizeAgency(agency: string): string {
  return agency.normalize('NFKC').replace(/\s+/g, '');
}

export function identityOf(report: Pick<Report, 'agency' | 'region' | 'agency_kind' | 'year'>, url: string): ReportIdentity {
  const year = report.year ?? null;
  if (year === null) return { subject: `url:${url}`, year };
  const agency = report.agency ? normalizeAgency(report.agency) : '';
  if (agency) return { subject: `agency:${agency}`, year };
  if (report.region?.code) return { subject: `region:${report.region.code}:${report.agency_kind ?? 'unknown'}`, year };
  return { subject: `url:${url}`, year };
}
