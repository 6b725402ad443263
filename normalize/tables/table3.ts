// Table 三 (收到和处理政府信息公开申请情况) of the 2019 and 2021 templates, as data.
// Rows are found by their labels; a row's key segment plus a column's key segment make the
// metric key: `applications.<row>.<column>`.

/** The seven value columns, in the template's printed order. */
export const T3_COLUMNS = [
  { key: 'natural_person', label: '自然人', pattern: /自然人/ },
  { key: 'commercial', label: '法人或其他组织/商业企业', pattern: /商业企业/ },
  { key: 'research', label: '法人或其他组织/科研机构', pattern: /科研机构/ },
  { key: 'social_org', label: '法人或其他组织/社会公益组织', pattern: /公益组织/ },
  { key: 'legal_service', label: '法人或其他组织/法律服务机构', pattern: /法律服务/ },
  // Matched after the stacked header lost its "法人或其他组织" prefix.
  { key: 'other_org', label: '法人或其他组织/其他', pattern: /^其他(组织)?$/ },
  { key: 'total', label: '总计', pattern: /^(总计|合计)$/ },
] as const;

export type T3Column = (typeof T3_COLUMNS)[number]['key'];

/** Groups of outcome rows whose items are numbered 1., 2., … under one rowspanned label. */
export type T3Group = 'withheld' | 'unavailable' | 'not_processed' | 'other';

export interface T3Row {
  /** Key segment, e.g. `new`, `outcome.withheld.state_secret`. */
  key: string;
  /** Tested against the compact label with its numbering stripped. */
  pattern: RegExp;
  /** The row belongs to this group (sets the group context too). */
  group?: T3Group;
  /** Only matches inside this group (for the bare "3.其他" of 2021's (六)). */
  onlyIn?: T3Group;
  /** Counts toward (七)总计. */
  outcome?: boolean;
}

// Order matters: the first matching row wins, so items come before the group labels they sit in
// and specific phrases before generic ones.
export const T3_ROWS: readonly T3Row[] = [
  { key: 'new', pattern: /本年新收|新收.*申请/ },
  { key: 'carried_over', pattern: /上年结转|上年度结转/ },
  { key: 'carried_forward', pattern: /结转下一?年|转下一?年度|下一?年度继续/ },
  { key: 'outcome.partial', pattern: /部分公开/, outcome: true },
  { key: 'outcome.granted', pattern: /予以公开/, outcome: true },
  { key: 'outcome.withheld.state_secret', pattern: /国家秘密/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.prohibited_by_law', pattern: /法律.?行政法规禁止|禁止公开/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.security_stability', pattern: /三安全|一稳定|危及.{0,6}安全|社会稳定/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.third_party', pattern: /第三方/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.internal_affairs', pattern: /内部事务/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.process_info', pattern: /过程性/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.enforcement_file', pattern: /执法案卷/, group: 'withheld', outcome: true },
  { key: 'outcome.withheld.admin_query', pattern: /行政查询/, group: 'withheld', outcome: true },
  { key: 'outcome.unavailable.not_held', pattern: /不掌握/, group: 'unavailable', outcome: true },
  { key: 'outcome.unavailable.needs_creation', pattern: /另行制作|没有现成/, group: 'unavailable', outcome: true },
  { key: 'outcome.unavailable.unclear', pattern: /仍不明确|补正后申请/, group: 'unavailable', outcome: true },
  { key: 'outcome.not_processed.petition', pattern: /信访|举报|投诉/, group: 'not_processed', outcome: true },
  { key: 'outcome.not_processed.duplicate', pattern: /重复申请/, group: 'not_processed', outcome: true },
  { key: 'outcome.not_processed.publication', pattern: /出版物/, group: 'not_processed', outcome: true },
  { key: 'outcome.not_processed.abusive', pattern: /大量.?反复/, group: 'not_processed', outcome: true },
  { key: 'outcome.not_processed.confirm_reissue', pattern: /重新出具|确认或/, group: 'not_processed', outcome: true },
  { key: 'outcome.other_no_correction', pattern: /逾期不补正|不补正/, group: 'other', outcome: true },
  { key: 'outcome.other_unpaid_fee', pattern: /缴纳费用|收费通知/, group: 'other', outcome: true },
  // "3.其他" — also after the glyphs of a vertical group label that a borderless PDF lays on the
  // same line ("处 理 3.其他", numbering then no longer leads the label).
  { key: 'outcome.other_misc', pattern: /(?:^|[\d一二三四五六七八九十][.、．])其他(情形)?$/, onlyIn: 'other', outcome: true },
  // 2019's single (六)其他处理 row; in 2021 the same label heads the three rows above.
  { key: 'outcome.other', pattern: /^其他处理/, group: 'other', outcome: true },
  { key: 'outcome.total', pattern: /^(总计|合计)$/ },
];

/** Group labels: a label cell that only names the group (its items carry the values). */
export const T3_GROUPS: ReadonlyArray<{ group: T3Group; pattern: RegExp }> = [
  { group: 'withheld', pattern: /^不予公开/ },
  { group: 'unavailable', pattern: /^无法提供/ },
  { group: 'not_processed', pattern: /^不予处理/ },
  { group: 'other', pattern: /^其他处理/ },
];

/** Column key segments in printed order (the six applicant types, then total). */
export const T3_COLUMN_KEYS: readonly string[] = T3_COLUMNS.map((c) => c.key);

/** 2021's three (六)其他处理 rows, whose sum is the 2019 single row `outcome.other`. */
export const OTHER_SPLIT_ROWS: readonly string[] = ['outcome.other_no_correction', 'outcome.other_unpaid_fee', 'outcome.other_misc'];

/** The rows (七)总计 adds up in a 2019-style table (其他处理 as one row). */
export const OUTCOME_ROWS_2019: readonly string[] = T3_ROWS.filter((r) => r.outcome && !OTHER_SPLIT_ROWS.includes(r.key)).map((r) => r.key);

/** The same with 其他处理 split in three (2021-style). */
export const OUTCOME_ROWS_SPLIT: readonly string[] = [...OUTCOME_ROWS_2019.filter((k) => k !== 'outcome.other'), ...OTHER_SPLIT_ROWS];

/** Every row's key segment. */
export const T3_ROW_KEYS: readonly string[] = T3_ROWS.map((r) => r.key);

/** Label cells that are neither rows nor groups but section captions ("三、本年度办理结果"). */
export const T3_CAPTION = /^(本年度办理结果|办理结果)$/;
