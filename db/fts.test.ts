import { describe, expect, it } from 'vitest';
import { openStore } from './store.ts';
import { loadReport } from './load.ts';
import { ftsQuery, searchReports } from './fts.ts';
import { mudanjiang2019, sha256 } from './testing.ts';

const TEXT_2019 =
  '2019年，市政府办公室严格贯彻落实新修订的《中华人民共和国政府信息公开条例》，' +
  '受疫情影响的企业复工复产政策及时主动公开。对申请公开的信息，依法作出不予公开决定2件。';
const TEXT_2018 = '2018年，本机关政府信息公开工作取得新进展，政府网站发布信息1200条。';

function db2() {
  const db = openStore(':memory:');
  const a = loadReport(db, { report: mudanjiang2019(), text: TEXT_2019, sha256: sha256('a'), url: 'http://x/2019.html', parserVersion: 't' });
  const b = loadReport(db, {
    report: mudanjiang2019({ year: 2018, title: '牡丹江市人民政府办公室2018年政府信息公开工作年度报告' }),
    text: TEXT_2018,
    sha256: sha256('b'),
    url: 'http://x/2018.html',
    parserVersion: 't',
  });
  return { db, a: a.reportId, b: b.reportId };
}

describe('full-text search over report text (jieba-segmented FTS5)', () => {
  it('finds every report mentioning a word', () => {
    const { db, a, b } = db2();
    expect(searchReports(db, '公开').map((h) => h.report_id).sort()).toEqual([a, b].sort());
    expect(searchReports(db, '疫情').map((h) => h.report_id)).toEqual([a]);
    expect(searchReports(db, '不予公开').map((h) => h.report_id)).toEqual([a]);
    expect(searchReports(db, '疫情')[0].snippet).toContain('[疫情]');
  });

  it('matches whole words, not a character pair straddling two words', () => {
    const { db } = db2();
    // "息公" occurs in the raw text of both reports (信息|公开) but is not a word there.
    const raw = db.prepare("SELECT count(*) FROM report_fts WHERE replace(body, ' ', '') LIKE '%息公%'").pluck().get();
    expect(raw).toBe(2);
    expect(searchReports(db, '息公')).toEqual([]);
    // Likewise "信息公开" is found as the words 信息 公开 in order, "府信" is not.
    expect(searchReports(db, '信息公开')).toHaveLength(2);
    expect(searchReports(db, '府信')).toEqual([]);
  });

  it('segments the query the same way as the text and quotes it safely', () => {
    expect(ftsQuery('不予公开')).toBe('"不予 公开"');
    expect(ftsQuery('疫情 "公开')).toBe('"疫情" AND "公开"');
    expect(ftsQuery('  ')).toBeUndefined();
  });
});
