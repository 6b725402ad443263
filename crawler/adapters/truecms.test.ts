import { describe, expect, it } from 'vitest';
import { trueCms, trueCmsAnswer } from './truecms.ts';

// A TrueCMS column (如皋-style): the list is a script call to getMessage.do.
const COLUMN_URL = 'http://www.rugao.gov.cn/rgsrmzf/zfxxgknb/zfxxgknb.html';
const column = `<div class="list_con" id="list_con"></div>
<script type="text/javascript" src="/js/truecms.list.js"></script>
<script type="text/javascript">
  $('#list_con').truecmsList({ columnId:'9b3e5a21d0c94f6f8a', proxyUrl:'/messageController/getMessage.do', perpage:5, template:'<li><a href="{url}" title="{title}">{title}</a><span>{date}</span></li>' });
</script>`;

const jsonp = (records: number, total?: number) =>
  `ogiList(${JSON.stringify({
    result: `<datastore>${total !== undefined ? `<totalrecord>${total}</totalrecord>` : ''}<recordset>${'<record><![CDATA[<li><a href="/rgsrmzf/zfxxgknb/202401/a1.shtml" title="如皋市2023年政府信息公开工作年度报告">如皋市2023年政府信息公开工作年度报告</a></li>]]></record>'.repeat(records)}</recordset></datastore>`,
  })});`;

describe('TrueCMS getMessage.do', () => {
  it('asks for the first window with the column id and the column’s page size', () => {
    expect(trueCms.detect({ url: COLUMN_URL, html: column })).toBe(true);
    expect(trueCms.pages({ url: COLUMN_URL, html: column }).map((p) => p.url)).toEqual([
      'http://www.rugao.gov.cn/messageController/getMessage.do?columnId=9b3e5a21d0c94f6f8a&startrecord=1&endrecord=5&perpage=5&callback=ogiList',
    ]);
    // A column asking for 100 a page gets the ceiling: bigger windows come back empty or 404 on some deployments.
    const big = column.replace('perpage:5', 'perpage:100');
    expect(trueCms.pages({ url: COLUMN_URL, html: big })[0].url).toContain('startrecord=1&endrecord=20&perpage=20');
  });

  it('unwraps the JSONP, takes the records, and schedules the windows up to the total', () => {
    expect(trueCmsAnswer(jsonp(2, 12))).toMatchObject({ total: 12 });
    const url = 'http://www.rugao.gov.cn/messageController/getMessage.do?columnId=9b3e5a21d0c94f6f8a&startrecord=1&endrecord=5&perpage=5&callback=ogiList';
    const page = { url, html: jsonp(5, 12) };
    expect(trueCms.ownsLinks!(page)).toBe(true);
    expect(trueCms.items!(page)).toHaveLength(5);
    expect(trueCms.pages(page).map((p) => new URL(p.url).searchParams.get('startrecord'))).toEqual(['6', '11']);
    // Without a total: one window more while windows come back full.
    expect(trueCms.pages({ url, html: jsonp(5) })).toHaveLength(1);
    expect(trueCms.pages({ url, html: jsonp(3) })).toEqual([]);
  });
});
