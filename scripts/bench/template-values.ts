// Numbers for the 2019/2021 templates that satisfy every identity of ../shared/spec/README.md:
// table 三 per column 一+二 = (七)+四, (七) = sum of the outcome rows, 总计 = sum of the six
// applicant columns; table 四 总计 = 维持+纠正+其他+尚未审结. The expected metrics come with them,
// so the benchmark can also say how many of the planted numbers the parser gave back.
import { count, int, type Rng } from './prng.ts';

export type TemplateEra = 't2019' | 't2021';

/** The six applicant columns, in the template's order. */
export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_org',
  'legal_service',
  'other_org',
] as const;

/** Table 三 outcome rows: [metric suffix, group label, row label]; group '' = a row of its own. */
export type OutcomeRow = readonly [key: string, group: string, label: string];

const WITHHELD: OutcomeRow[] = [
  ['withheld.state_secret', '（三）不予公开', '1.属于国家秘密'],
  ['withheld.prohibited_by_law', '（三）不予公开', '2.其他法律行政法规禁止公开'],
  ['withheld.security_stability', '（三）不予公开', '3.危及“三安全一稳定”'],
  ['withheld.third_party', '（三）不予公开', '4.保护第三方合法权益'],
  ['withheld.internal_affairs', '（三）不予公开', '5.属于三类内部事务信息'],
  ['withheld.process_info', '（三）不予公开', '6.属于四类过程性信息'],
  ['withheld.enforcement_file', '（三）不予公开', '7.属于行政执法案卷'],
  ['withheld.admin_query', '（三）不予公开', '8.属于行政查询事项'],
];
const UNAVAILABLE: OutcomeRow[] = [
  ['unavailable.not_held', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['unavailable.needs_creation', '（四）无法提供', '2.没有现成信息需要另行制作'],
  ['unavailable.unclear', '（四）无法提供', '3.补正后申请内容仍不明确'],
];
const NOT_PROCESSED: OutcomeRow[] = [
  ['not_processed.petition', '（五）不予处理', '1.信访举报投诉类申请'],
  ['not_processed.duplicate', '（五）不予处理', '2.重复申请'],
  ['not_processed.publication', '（五）不予处理', '3.要求提供公开出版物'],
  ['not_processed.abusive', '（五）不予处理', '4.无正当理由大量反复申请'],
  ['not_processed.confirm_reissue', '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'],
];

export const OUTCOME_ROWS: Record<TemplateEra, OutcomeRow[]> = {
  t2019: [
    ['granted', '', '（一）予以公开'],
    ['partial', '', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ...WITHHELD,
    ...UNAVAILABLE,
    ...NOT_PROCESSED,
    ['other', '', '（六）其他处理'],
  ],
  t2021: [
    ['granted', '', '（一）予以公开'],
    ['partial', '', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ...WITHHELD,
    ...UNAVAILABLE,
    ...NOT_PROCESSED,
    ['other_no_correction', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other_unpaid_fee', '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other_misc', '（六）其他处理', '3.其他'],
  ],
};

/** One row of table 三 across the six applicant columns plus 总计. */
export type Row7 = number[];

export interface Table3 {
  newApps: Row7;
  carriedOver: Row7;
  outcomes: Row7[]; // in OUTCOME_ROWS[era] order
  outcomeTotal: Row7;
  carriedForward: Row7;
}

/** 维持, 纠正, 其他, 尚未审结, 总计 for 复议, 直接起诉, 复议后起诉. */
export type Table4 = [review: number[], direct: number[], afterReview: number[]];

/** Table 二 as [row label, cells as printed]; money already formatted ("5.637"). */
export interface Table2Row {
  label: string;
  cells: string[];
}

export interface TemplateValues {
  era: TemplateEra;
  table2: { section: string; header: string[]; rows: Table2Row[] }[];
  table3: Table3;
  table4: Table4;
  /** Every dictionary key a faithful parser must report, with its value. */
  expected: Record<string, number>;
}

function withTotal(cells: number[]): Row7 {
  return [...cells, cells.reduce((a, b) => a + b, 0)];
}

/** 万元 amount with up to 4 decimals, as printed, and its value in yuan. */
function wanYuan(rng: Rng): { text: string; yuan: number } {
  const yuan = int(rng, 0, 3) === 0 ? 0 : int(rng, 1, 20_000_000);
  const wan = Math.round(yuan / 100) / 100; // 万元 to 4 decimals ⇒ yuan rounded to 100
  return { text: String(wan), yuan: Math.round(wan * 10000) };
}

export function makeTemplateValues(rng: Rng, era: TemplateEra): TemplateValues {
  const scale = rng() < 0.2 ? 20 : 1;
  const rows = OUTCOME_ROWS[era];
  const expected: Record<string, number> = {};

  // Table 三: choose outcomes, carried forward and carried over per column, then solve for 新收.
  const perCol = APPLICANT_COLUMNS.map(() => {
    const outcomes = rows.map(([key]) => count(rng, key === 'granted' ? scale * 3 : scale));
    const outcomeTotal = outcomes.reduce((a, b) => a + b, 0);
    const forward = count(rng, scale / 4);
    const over = Math.min(count(rng, scale / 4), outcomeTotal + forward);
    return { outcomes, outcomeTotal, forward, over, fresh: outcomeTotal + forward - over };
  });
  const col = (f: (c: (typeof perCol)[number]) => number) => withTotal(perCol.map(f));
  const table3: Table3 = {
    newApps: col((c) => c.fresh),
    carriedOver: col((c) => c.over),
    outcomes: rows.map((_, i) => col((c) => c.outcomes[i])),
    outcomeTotal: col((c) => c.outcomeTotal),
    carriedForward: col((c) => c.forward),
  };
  const columnKeys = [...APPLICANT_COLUMNS, 'total'];
  const put = (prefix: string, row: Row7) =>
    row.forEach((v, i) => (expected[`applications.${prefix}.${columnKeys[i]}`] = v));
  put('new', table3.newApps);
  put('carried_over', table3.carriedOver);
  rows.forEach(([key], i) => put(`outcome.${key}`, table3.outcomes[i]));
  put('outcome.total', table3.outcomeTotal);
  put('carried_forward', table3.carriedForward);
  if (era === 't2021') {
    // Derived per the spec: (六)其他处理 = the sum of its three rows.
    const idx = ['other_no_correction', 'other_unpaid_fee', 'other_misc'].map((k) => rows.findIndex(([r]) => r === k));
    put('outcome.other', columnKeys.map((_, c) => idx.reduce((s, i) => s + table3.outcomes[i][c], 0)));
  }

  // Table 四.
  const outcome4 = () => {
    const v = [count(rng), count(rng), count(rng), count(rng)];
    return [...v, v.reduce((a, b) => a + b, 0)];
  };
  const table4: Table4 = [outcome4(), outcome4(), outcome4()];
  const parts = ['upheld', 'corrected', 'other', 'pending', 'total'];
  parts.forEach((p, i) => {
    expected[`review.${p}`] = table4[0][i];
    expected[`litigation.direct.${p}`] = table4[1][i];
    expected[`litigation.after_review.${p}`] = table4[2][i];
    expected[`litigation.${p}`] = table4[1][i] + table4[2][i]; // derived
  });

  // Table 二.
  const table2: TemplateValues['table2'] = [];
  if (era === 't2019') {
    const docs = (label: string, key: string) => {
      const [issued, published] = [count(rng, scale), count(rng, scale)];
      const total = published + int(rng, 0, 300);
      Object.assign(expected, { [`${key}.issued`]: issued, [`${key}.published`]: published, [`${key}.public_total`]: total });
      return { label, cells: [String(issued), String(published), String(total)] };
    };
    const items = (label: string, key: string) => {
      const [prev, decisions] = [count(rng, scale * 10), count(rng, scale * 50)];
      const change = int(rng, -Math.min(prev, 5), 8);
      Object.assign(expected, { [`${key}.prev_items`]: prev, [`${key}.change`]: change, [`${key}.decisions`]: decisions });
      return { label, cells: [String(prev), change > 0 && rng() < 0.5 ? `+${change}` : String(change), String(decisions)] };
    };
    table2.push(
      { section: '第二十条第（一）项', header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
        rows: [docs('规章', 'rules'), docs('规范性文件', 'normative_docs')] },
      { section: '第二十条第（五）项', header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        rows: [items('行政许可', 'licensing'), items('其他对外管理服务事项', 'other_services')] },
      { section: '第二十条第（六）项', header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
        rows: [items('行政处罚', 'penalty'), items('行政强制', 'coercion')] },
    );
    const [prev, change] = [count(rng, scale), int(rng, -1, 1)];
    Object.assign(expected, { 'fees.prev_items': prev, 'fees.change': change });
    const projects = count(rng, scale * 5);
    const amount = wanYuan(rng);
    Object.assign(expected, { 'procurement.projects': projects, 'procurement.amount': amount.yuan });
    table2.push(
      { section: '第二十条第（八）项', header: ['信息内容', '上一年项目数量', '本年增/减'],
        rows: [{ label: '行政事业性收费', cells: [String(prev), String(change)] }] },
      { section: '第二十条第（九）项', header: ['信息内容', '采购项目数量', '采购总金额'],
        rows: [{ label: '政府集中采购', cells: [String(projects), `${amount.text}万元`] }] },
    );
  } else {
    const docs = (label: string, key: string) => {
      const [issued, repealed, inForce] = [count(rng, scale), count(rng, scale), int(rng, 0, 400)];
      Object.assign(expected, { [`${key}.issued`]: issued, [`${key}.repealed`]: repealed, [`${key}.in_force`]: inForce });
      return { label, cells: [String(issued), String(repealed), String(inForce)] };
    };
    const decisions = (label: string, key: string) => {
      const v = count(rng, scale * 50);
      expected[`${key}.decisions`] = v;
      return { label, cells: [String(v)] };
    };
    const fee = wanYuan(rng);
    expected['fees.amount'] = fee.yuan;
    table2.push(
      { section: '第二十条第（一）项', header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        rows: [docs('规章', 'rules'), docs('行政规范性文件', 'normative_docs')] },
      { section: '第二十条第（五）项', header: ['信息内容', '本年处理决定数量'], rows: [decisions('行政许可', 'licensing')] },
      { section: '第二十条第（六）项', header: ['信息内容', '本年处理决定数量'],
        rows: [decisions('行政处罚', 'penalty'), decisions('行政强制', 'coercion')] },
      { section: '第二十条第（八）项', header: ['信息内容', '本年收费金额（单位：万元）'],
        rows: [{ label: '行政事业性收费', cells: [fee.text] }] },
    );
  }
  return { era, table2, table3, table4, expected };
}
