// Which template a report follows, from the labels it prints (not from its year: some 2019
// reports keep the old prose, some 2020 reports already use the 2021 labels).
import type { Era } from './types.ts';

// Labels only the 2021 template (国办公开办函〔2021〕30号) prints.
const MARKERS_2021 = [/本年制发件数/, /现行有效件数/, /本年废止件数/, /本年收费金额/, /逾期不补正/, /逾期未按收费通知要求缴纳费用|缴纳费用/];
// Labels only the 2019 template (国办公开办函〔2019〕60号) prints.
const MARKERS_2019 = [/本年新制作数量/, /本年新公开数量/, /对外公开总数量/, /上一年项目数量/, /政府集中采购/, /采购项目数量/];
// Labels both templates print in table 三: present ⇒ the report uses a template at all.
const TEMPLATE_TABLE = [/本年新收政府信息公开申请数量/, /上年结转政府信息公开申请数量/, /结转下年度继续办理/];
const OUTCOME_GROUPS = [/不予公开/, /无法提供/, /不予处理/];
// Section headings only the template reports use: a template report whose tables were images
// (or did not survive the scrape) still follows the template, its era by year.
const TEMPLATE_SECTIONS = [/收到和处理政府信息公开申请情况/, /政府信息公开行政复议[、,和及]*行政诉讼情况/];
const OUTCOME_ITEMS = [/本机关不掌握/, /信访举报投诉/, /三类内部事务/, /四类过程性/];

export interface EraEvidence {
  era: Era;
  markers2019: number;
  markers2021: number;
  template: boolean;
}

/** Text with whitespace removed and full-width forms folded, so wrapped or spaced labels match. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const count = (patterns: RegExp[], text: string) => patterns.reduce((n, p) => n + (p.test(text) ? 1 : 0), 0);

/**
 * The era from compact document text. `yearHint` only breaks a tie when the template is present
 * but neither era's own labels are (e.g. a report giving only table 三 without 2021's split rows).
 */
export function detectEra(compact: string, yearHint?: number): EraEvidence {
  const markers2019 = count(MARKERS_2019, compact);
  const markers2021 = count(MARKERS_2021, compact);
  const template =
    // Two of the three row labels: one alone may be a sentence (结转下年度继续办理3件).
    count(TEMPLATE_TABLE, compact) >= 2 ||
    (count(OUTCOME_GROUPS, compact) === OUTCOME_GROUPS.length && count(OUTCOME_ITEMS, compact) >= 2) ||
    markers2019 >= 3 ||
    markers2021 >= 3 ||
    count(TEMPLATE_SECTIONS, compact) === TEMPLATE_SECTIONS.length;
  let era: Era = 'pre2019';
  if (template) {
    if (markers2021 > markers2019) era = 't2021';
    else if (markers2019 > markers2021) era = 't2019';
    else era = yearHint !== undefined && yearHint >= 2021 ? 't2021' : 't2019';
  }
  return { era, markers2019, markers2021, template };
}
