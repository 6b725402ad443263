// The phrase table: how reports say each metric in a sentence, and how old 统计表 rows label it.
// Data, read by prose.ts. Patterns are matched against NFKC-normalised text (so ，；：（） are
// already , ; : ( )). Placeholders:
//   {N}  the quantity (numbers.ts QUANTITY_SOURCE: digits or Chinese numerals, 万/亿, 余/多/约…, a unit)
//   {Q}  another quantity in the phrase that is not the value (在线访谈24次，其中主要负责同志参加{N})
//   {G}  one character inside the same clause (not , ; 。 : ! ?)
// Within a key, earlier patterns are stronger: the anchor phrase of the dictionary comes first,
// paraphrases after. `zero` patterns state an explicit 0 for the key (无/未发生/没有…); they rank
// below every numeric pattern of the key.

/** The review/litigation subject a number belongs to: the nearest 复议 / 诉讼 before it in its sentence. */
export type Subject = 'review' | 'litigation';

export interface PhraseRule {
  key: string;
  patterns: string[];
  zero?: string[];
  /** Words of the heading of the section that owns the key (a match there beats one elsewhere). */
  section: RegExp;
  /** The sentence, or its section heading, must mention this for a match to count. */
  context?: RegExp;
  /** A match whose clause contains this is about something else (a sub-scope, a leader count …). */
  clauseReject?: RegExp;
  /** For 维持/纠错/其他 numbers: whose outcome it is. */
  subject?: Subject;
  /** A paraphrase rule that only counts when no stronger rule for the key matched. */
  weak?: boolean;
  /** Counting units accepted, when not the usual ones of the key's dictionary unit. */
  units?: RegExp;
}

const PROACTIVE = /主动公开|公开渠道|公开政府信息情况/;
const RESPONSE = /主动公开|解读|回应|舆情|发布会/;
const APPLY = /依申请|申请公开|公开申请/;
const APPLY_CONTEXT = /信息公开|依申请|公开申请|申请公开|公民、法人/;
const REVIEW = /复议|诉讼/;
const FEES = /收费|费用|减免/;
const ORG = /机构|人员|经费|保障|组织|基本情况|概述|收费/;
const TRAINING = /培训|会议|组织|基本情况|概述/;
const GIP = /信息公开|政务公开/;
/** Consultations are counted in 人次 as often as in 件. */
const CONSULT_UNITS = /^(人次|次|件|条|个|起)$/;
/** Zero words: 无法/无正当 are not "none". */
const NONE = '(?:未发生|没有发生|未出现|未收到|没有收到|未接到|没有接到|未有|没有|无(?!法|正当|论))';

/** The leaders keys count the principal leaders only: 组织区领导参加在线访谈6次 is everyone's total. */
const LEADER = /主要(?:负责同志|负责人|领导)/;
/** 各部门/每个单位…: a number per unit, not the report's count. */
const PER_UNIT = /各(?:部门|单位|乡镇|街道|股室|科室|县|区|市|级)|每(?:个|一|家)/;
/** "申请两件，均为当面申请": every one of the N came this way. */
const ALL_OF = '(?:均为|均系|均是|全部为|全部是|都是)';
/** Right before 主动公开, a single channel makes the count that channel's. */
// A 政府信息公开网 is the disclosure platform itself, not one channel among several.
const NOT_A_CHANNEL = '(?<!网站|网站上|(?<!信息公开)网|微博|微博上|微信|公众号|公报|公报上|APP|客户端)';
/** A running total since some date is not the year's figure (到年底累计主动公开5928条，其中本年度新增2110条). */
const CUMULATIVE = /截至|截止|迄今|历年|至今|以来|到年底|到年末|(?<!全年|本年|年度|年)累计/;

/** 诉讼1件，尚未审结 — all of them, unless a count follows (尚未审结1件 is its own number). */
const ALL_PENDING_END = '(?![的]?[0-9一二两三四五六七八九十])';

/** Corrections by name: the body revoked, changed, or ruled the answer unlawful (撤销一件, 责令重新答复2件). */
const CORRECTED = [
  '(?:撤销|变更|确认违法|责令(?:重新)?(?:答复|履行|作出))(?:原)?(?:具体行政行为|答复|决定)?(?:的)?{N}',
  '{N}(?:为|被)?(?:判决|决定)?(?:予以)?(?:撤销|变更|确认违法|责令(?:重新)?(?:答复|履行|作出))',
];

function review(kind: Subject): Omit<PhraseRule, 'key' | 'patterns'> {
  return { section: REVIEW, subject: kind };
}

export const PHRASE_RULES: PhraseRule[] = [
  // ── 主动公开 ────────────────────────────────────────────────────────────────────────────
  {
    key: 'proactive.total',
    section: PROACTIVE,
    clauseReject: CUMULATIVE,
    patterns: [
      // (?<!网站…): 通过政府网站主动公开政府信息1234条 is the website's count, not the total.
      `${NOT_A_CHANNEL}主动公开(?:各类|各种)?(?:的)?(?:政府|政务)信息(?:数量|总数|总量|数)?(?:共计?|总计|合计)?(?:为|达到?)?{N}`,
      '(?:全年|全市|全区|全县|全旗|全镇|本年度?|累计|共)(?:共|累计)?公开(?:各类)?(?:政府|政务)信息(?:共计?)?(?:为|达到?)?{N}',
      '通过不同渠道和方式(?:主动)?公开(?:政府|政务)?信息(?:共计?)?{N}',
      // 市政府办公室共发布各类主动公开信息96件
      '(?:共|累计)?(?:发布|公开)(?:各类)?主动公开(?:的)?(?:政府|政务)?信息(?:共计?)?{N}',
      '(?:全市|全区|全县|全旗|全镇|全乡|我市|我区|我县|我局|本局|本机关|全年|本年度?)(?:共|全年|累计)?主动公开(?:各类)?信息(?:共计?)?(?:为|达到?)?{N}',
    ],
  },
  {
    // 我局通过鄂尔多斯市环境保护局网站主动公开政府信息1,284条: a department whose one outlet is
    // its website states its total that way (only when nothing stronger names the total).
    key: 'proactive.total',
    section: PROACTIVE,
    weak: true,
    patterns: [
      '(?:我局|本局|我委|本委|我办|本办|我厅|本厅|本机关|我单位|本单位|我街道?|本街道?|我镇|本镇|我乡|本乡)(?:通过|在){G}{0,20}?(?:网站|网)(?:上)?主动公开(?:各类)?(?:政府|政务)?信息(?:共计?)?{N}',
      // 全年通过大理市人民政府门户网站主动公开政府信息3,126条: the year's one figure, given as
      // the portal's (the portal carries everything; other outlets repost it).
      '(?:全年|本年度?|年内)(?:共)?(?:通过|在|依托){G}{0,20}?(?:门户网站|网站|网)(?:上)?主动公开(?:各类)?(?:政府|政务)?信息(?:共计?)?{N}',
      // 市教育局在门户网站主动公开政府信息2376条: the reporting unit by its name, same figure.
      '[\\u4e00-\\u9fa5]{1,12}?(?:局|委员会|委|办公室|厅|中心|街道办事处|街道|镇|乡)(?:通过|在|依托){G}{0,20}?(?:门户网站|网站|网)(?:上)?主动公开(?:各类)?(?:政府|政务)?信息(?:共计?)?{N}',
    ],
  },
  {
    // 累计主动公开政府信息45321条，其中本年度新增5210条
    key: 'proactive.total',
    section: PROACTIVE,
    context: /主动公开/,
    weak: true,
    patterns: [
      '(?:本年度?|当年|全年|今年)新增(?:主动公开)?(?:的)?(?:政府|政务)?(?:信息)?(?:共计?)?{N}',
      // 截至2016年底累计主动公开35678条，其中2016年主动公开4512条
      '其中(?:本年度?|当年|全年|今年|(?:19|20)\\d{2}年度?)(?:共)?(?:新增)?(?:主动)?公开(?:的)?(?:政府|政务)?(?:信息)?(?:共计?)?{N}',
    ],
  },
  {
    key: 'proactive.normative_docs',
    section: PROACTIVE,
    patterns: ['(?:主动)?公开(?:的)?(?:行政)?规范性文件(?:数)?(?:共计?)?(?:为)?{N}'],
  },
  {
    // 主动公开政府信息217条，其中规范性文件6件
    key: 'proactive.normative_docs',
    section: PROACTIVE,
    context: /主动公开/,
    patterns: ['主动公开{G}{0,20}?{Q},?其中(?:包括)?(?:行政)?规范性文件(?:共计?)?(?:为)?{N}'],
  },
  {
    key: 'rules.issued',
    section: PROACTIVE,
    patterns: ['制发(?:政府)?规章(?:共计?)?(?:为)?{N}'],
  },
  {
    key: 'normative_docs.issued',
    section: PROACTIVE,
    patterns: ['制发(?:行政)?规范性文件(?:总数)?(?:共计?)?(?:为)?{N}'],
  },
  {
    key: 'proactive.channel.gazette',
    section: PROACTIVE,
    // 《襄樊市人民政府公报》刊登政府文件等信息186条
    // 《上海市人民政府公报》全年出版24期，刊登政府信息1,216条
    // 编印《眉山市人民政府公报》12期，刊登规范性文件等信息236条
    patterns: ['(?:政府)?(?:公报|政报)》?(?:全年|共)?(?:出版|编印)?(?:{Q},?)?(?:上)?(?:主动)?(?:公开|刊登|刊发|发布)(?:政府|政务|规范性)?(?:信息|文件)?(?:等(?:政府)?信息)?(?:数)?(?:共计?)?(?:为)?{N}'],
  },
  {
    key: 'proactive.channel.website',
    section: PROACTIVE,
    patterns: [
      '(?:政府|门户)网站(?:全年|共|累计)?(?:上)?(?:主动)?(?:公开|公布|发布)(?:政府|政务)?信息(?:数)?(?:共计?)?(?:为)?{N}',
      // 通过区政府公众信息网主动公开政务动态、政府文件…等各类信息7.5万条
      '(?:门户网站|政府网站|公众信息网|政府网|政务网)(?:上)?(?:主动)?(?:公开|公布|发布){G}{0,30}?{N}',
      // 通过市政府门户网站“乡镇街道”栏目公开198条
      '(?:门户网站|政府网站|公众信息网|政府网|政务网){G}{0,12}?(?:栏目|专栏|频道)(?:上)?(?:主动)?(?:公开|公布|发布){G}{0,20}?{N}',
      // a department's own: 通过网站公开信息189条
      '通过(?:门户)?网站(?:上)?(?:主动)?(?:公开|公布|发布)(?:政府|政务)?信息(?:共计?)?{N}',
    ],
  },
  {
    key: 'proactive.channel.weibo',
    section: PROACTIVE,
    patterns: [
      '政务微博(?:全年|共|累计)?(?:上)?(?:主动)?(?:公开|发布|公布)(?:政府|政务)?(?:信息)?(?:数)?(?:共计?)?(?:为)?{N}',
      '微博(?:上)?(?:主动)?(?:公开|发布|公布)(?:政府|政务)?信息(?:数)?(?:共计?)?(?:为)?{N}',
    ],
  },
  {
    key: 'proactive.channel.wechat',
    section: PROACTIVE,
    patterns: [
      '政务微信(?:公众号)?(?:上)?(?:主动)?(?:公开|发布|公布)(?:政府|政务)?(?:信息)?(?:数)?(?:共计?)?(?:为)?{N}',
      // 微博微信公开信息2148条 is both channels at once: no single key.
      '(?<!微博[、和及]?)微信(?:公众号|公众平台)?(?:上)?(?:主动)?(?:公开|发布|公布)(?:政府|政务)?信息(?:数)?(?:共计?)?(?:为)?{N}',
      // 通过“南海教育”微信公众号公开115条: a named account, the count right after the verb
      '(?<!微博[、和及]?)微信公众号(?:上)?(?:主动)?(?:公开|发布|公布)(?:政府|政务)?(?:信息)?(?:共计?)?{N}',
    ],
  },
  {
    key: 'proactive.channel.other',
    section: PROACTIVE,
    // 通过宣传栏、电子显示屏等其他方式公开24条
    patterns: [
      '其他(?:方式|渠道|形式)(?:主动)?(?:公开|发布|公布)(?:政府|政务)?(?:信息)?(?:数)?(?:共计?)?(?:为)?{N}',
      // 通过镇政务公开栏公开37条: the agency's own notice board is one of the other ways (a
      // school's 校务公开栏 or a community's 居务公开栏 is a sub-scope, not the agency's channel)
      '政务公开栏(?:等)?(?:方式|渠道)?(?:主动)?(?:公开|发布|张贴|公布)(?:政府|政务)?(?:信息)?(?:共计?)?{N}',
    ],
  },

  // ── 回应解读 ────────────────────────────────────────────────────────────────────────────
  {
    key: 'response.public_concerns',
    section: RESPONSE,
    // 通过微博、微信回应社会关切30次 is the 微博微信 count.
    clauseReject: /微博|微信|其他方式/,
    patterns: [
      '回应(?:社会|公众)?关注(?:的)?热点(?:问题)?(?:或|和|及)?(?:重大)?(?:舆情)?(?:数)?(?:共计?)?{N}',
      '回应(?:社会|公众)关切(?:问题|事项|热点)?(?:共计?)?{N}',
    ],
  },
  {
    key: 'response.press_conferences',
    section: RESPONSE,
    clauseReject: LEADER,
    // 参加县政府新闻发布会两次
    patterns: ['(?:参加或举办|举办或参加|举办|召开|参加|组织|出席)(?:了)?(?:(?:省|市|州|县|区|旗)(?:政府|委)?)?(?:各类)?新闻发布会(?:总次数|次数)?(?:共计?)?{N}'],
  },
  {
    key: 'response.press_conferences_leaders',
    section: RESPONSE,
    patterns: [
      '(?:主要负责同志|主要负责人|主要领导)(?:参加|出席|主持)新闻发布会(?:次数)?(?:共)?{N}',
      // 举办新闻发布会9场，其中主要负责同志参加3次
      '新闻发布会(?:总次数|次数)?{Q},?其中{G}{0,10}?(?:主要负责同志|主要负责人|主要领导)(?:参加|出席|主持)(?:的)?{N}',
    ],
  },
  {
    key: 'response.interviews',
    section: RESPONSE,
    clauseReject: LEADER,
    patterns: ['在线访谈(?:活动|节目)?(?:次数)?(?:共计?)?{N}'],
  },
  {
    key: 'response.interviews_leaders',
    section: RESPONSE,
    patterns: [
      '(?:主要负责同志|主要负责人|主要领导)(?:参加|做客|参与)(?:政府网站)?在线访谈(?:次数)?(?:共)?{N}',
      // 开展政府网站在线访谈24次，其中主要负责同志参加8次
      '在线访谈(?:活动|节目)?(?:次数)?{Q},?其中{G}{0,10}?(?:主要负责同志|主要负责人|主要领导)(?:参加|做客|参与|出席)(?:的)?{N}',
    ],
  },
  {
    key: 'response.interpretation_docs',
    section: RESPONSE,
    patterns: [
      '政策解读稿件?(?:发布)?(?:数)?(?:共计?)?{N}',
      '发布(?:政策)?解读(?:稿件?|文章|材料)(?:共计?)?{N}',
      '解读稿件?(?:共计?)?{N}',
      '发布政策解读(?:共计?)?{N}',
    ],
  },
  {
    key: 'response.weibo_wechat',
    section: RESPONSE,
    patterns: ['微博(?:、|和|及)?微信(?:等)?(?:平台)?回应(?:社会关切|关切|事件|热点|舆情)?(?:数)?(?:共计?)?{N}'],
  },
  {
    key: 'response.other',
    section: RESPONSE,
    patterns: ['其他方式回应(?:事件)?(?:数)?(?:共计?)?{N}'],
  },

  // ── 依申请公开 ──────────────────────────────────────────────────────────────────────────
  {
    key: 'applications.new.total',
    section: APPLY,
    context: APPLY_CONTEXT,
    patterns: [
      '(?:收到|受理|接到|接收|办理)(?:了)?(?:各类)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)(?:的)?申请(?:共计?|总计)?(?:为)?{N}',
      '(?:收到|受理|接到|接收)(?:了)?{G}{0,15}?依申请公开(?:政府)?(?:事项|信息)?(?:共计?)?{N}',
      // (?<!办结…): 办结政府信息公开申请47件 counts the closed ones.
      '(?<!办结|答复|办理完毕)(?:政府信息公开|依申请公开)申请(?:数量?|总数)?(?:共计?)?(?:为)?{N}',
      '(?:收到|受理|接到|接收){G}{0,10}?申请公开(?:政府)?信息(?:共计?)?{N}',
      '(?:收到|受理|接到|接收)(?:了)?{G}{0,20}?申请(?:共计?)?{N}',
    ],
    zero: [
      `${NONE}(?:收到|受理|接到)?{G}{0,12}?(?:政府信息公开|依申请公开|信息公开)(?:的)?申请`,
      // 本年度无依申请公开事项 — but not 无依申请公开收费 (that is about fees)
      `${NONE}(?:收到|受理|接到|发生)?(?:任何)?依申请公开(?!{G}{0,10}(?:收费|费用|减免))`,
    ],
  },
  { key: 'applications.channel.in_person', section: APPLY, patterns: ['当面(?:提交|提出)?(?:的)?申请(?:数)?(?:为)?{N}', `申请(?:共计?)?{N},?${ALL_OF}当面`] },
  { key: 'applications.channel.fax', section: APPLY, patterns: ['传真(?:方式)?(?:提交|提出)?(?:的)?申请(?:数)?(?:为)?{N}'] },
  {
    key: 'applications.channel.online',
    section: APPLY,
    patterns: ['(?:网上|网络|在线|电子邮件|互联网)(?:方式)?(?:提交|提出)?(?:的)?申请(?:数)?(?:为)?{N}', `申请(?:共计?)?{N},?${ALL_OF}(?:网上|网络|在线)`],
  },
  { key: 'applications.channel.letter', section: APPLY, patterns: ['(?:信函|邮寄|书信)(?:方式)?(?:提交|提出)?(?:的)?申请(?:数)?(?:为)?{N}', `申请(?:共计?)?{N},?${ALL_OF}(?:信函|邮寄)`] },
  { key: 'applications.channel.other', section: APPLY, patterns: ['其他(?:形式|方式)(?:提交|提出)?(?:的)?申请(?:数)?(?:为)?{N}'] },
  // Template reports summarise table 三's balance in prose (上年结转3件 … 结转下年度继续办理2件);
  // where the table is an image these sentences are all there is.
  {
    key: 'applications.carried_over.total',
    section: APPLY,
    context: /申请/,
    patterns: ['上一?年度?结转(?:的|下来的)?(?:政府信息公开)?(?:申请)?(?:共计?)?{N}'],
  },
  {
    key: 'applications.carried_forward.total',
    section: APPLY,
    context: /申请/,
    patterns: ['(?:结转|转)(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共计?)?{N}'],
  },
  {
    key: 'applications.closed',
    section: APPLY,
    context: /申请/,
    clauseReject: /按时|按期|延期|逾期|信箱|热线|电话/,
    patterns: ['申请办结(?:数)?(?:为)?{N}', '办结(?:申请)?(?:共计?)?{N}', '办结(?:了)?(?:各类)?(?:政府信息公开|依申请公开|信息公开)申请(?:共计?)?{N}'],
  },
  { key: 'applications.closed_on_time', section: APPLY, patterns: ['(?:按时|按期)办结(?:申请)?(?:数)?(?:共计?)?{N}'] },
  { key: 'applications.closed_extended', section: APPLY, patterns: ['延期办结(?:申请)?(?:数)?(?:共计?)?{N}'] },

  // 申请答复
  {
    key: 'reply.total',
    section: APPLY,
    context: /申请/,
    // 责令重新答复1件 is a review outcome, not the replies given.
    clauseReject: /按时|按期|延期|重新|责令|复议|诉讼/,
    patterns: ['申请答复(?:数)?(?:为)?{N}', '(?:共)?答复(?:申请)?(?:共计?)?{N}', '已经?答复(?:的)?{N}', '(?:对)?(?:这)?{N}申请(?:均已|已全部|全部|均)(?:依法)?(?:予以|作出)?答复'],
  },
  { key: 'reply.already_public', section: APPLY, patterns: ['属于(?:已)?主动公开(?:的)?(?:范围|信息)(?:的|数)?(?:为)?{N}'] },
  { key: 'reply.granted', section: APPLY, patterns: ['(?<!不|部分)同意公开(?:的|答复)?(?:数)?(?:为)?{N}', '(?<!不|部分|不予)予以公开(?:的|答复)?(?:数)?(?:为)?{N}'] },
  { key: 'reply.partial', section: APPLY, patterns: ['(?:同意)?部分公开(?:的|答复)?(?:数)?(?:为)?{N}'] },
  { key: 'reply.refused', section: APPLY, patterns: ['(?:不同意公开|不予公开|否决公开)(?:的|答复)?(?:数)?(?:为)?{N}'] },
  { key: 'reply.refused.state_secret', section: APPLY, patterns: ['(?:涉及|属于)国家秘密(?:的)?{N}'] },
  { key: 'reply.refused.commercial_secret', section: APPLY, patterns: ['(?:涉及|属于)商业秘密(?:的)?{N}'] },
  { key: 'reply.refused.privacy', section: APPLY, patterns: ['(?:涉及|属于)个人隐私(?:的)?{N}'] },
  { key: 'reply.refused.security_stability', section: APPLY, patterns: ['危及国家安全{G}{0,20}?社会稳定(?:的)?{N}'] },
  { key: 'reply.refused.not_gov_info', section: APPLY, patterns: ['不(?:是|属于)《?(?:条例)?》?所指(?:的)?政府信息(?:的)?{N}'] },
  { key: 'reply.refused.other_law', section: APPLY, patterns: ['法律法规规定的其他情形(?:的)?{N}'] },
  {
    key: 'reply.not_this_agency',
    section: APPLY,
    patterns: [
      '不属于本(?:行政)?机关(?:公开|职责|职能|掌握)?(?:范围)?(?:的|数)?(?:为)?{N}',
      '非本(?:行政)?(?:机关|部门)(?:职责|职能|公开|掌握)?(?:权限)?(?:范围)?(?:的)?(?:政府)?(?:信息)?(?:的)?{N}',
    ],
  },
  { key: 'reply.not_exist', section: APPLY, patterns: ['(?:申请)?(?:的)?信息不存在(?:的|数)?(?:为)?{N}'] },
  {
    key: 'reply.correction',
    section: APPLY,
    // 申请内容不明确的 is the case the old 条例 (art. 21(4)) answers by 告知作出更改、补充.
    patterns: ['告知(?:申请人)?(?:作出)?更改(?:、)?补充(?:的|数)?(?:为)?{N}', '申请内容不明确(?:的)?(?:为)?{N}'],
  },
  { key: 'reply.other_channel', section: APPLY, patterns: ['告知(?:申请人)?通过其他途径办理(?:的|数)?(?:为)?{N}'] },

  // ── 行政复议 / 行政诉讼 ────────────────────────────────────────────────────────────────────
  {
    key: 'review.total',
    section: REVIEW,
    // 行政复议、行政诉讼各1件
    patterns: ['行政复议(?:案件|申请|案)?(?:数量?)?(?:共计?)?(?:为)?{N}', '行政复议(?:和|、|及|与)(?:行政)?诉讼(?:案件)?各{N}'],
    zero: [
      `${NONE}{G}{0,25}?行政复议`,
      `${NONE}{G}{0,25}?复议(?:和|及|、|或)(?:行政)?诉讼`,
      '行政复议{G}{0,16}?(?:均为|都为|数为|为)(?:0|零)(?![0-9.])',
    ],
  },
  {
    key: 'review.upheld',
    ...review('review'),
    patterns: [
      '维持(?:具体|原)?(?:行政行为|决定)?(?:数|的)?(?:为)?{N}',
      '{N}(?:为|被)?(?:予以)?维持',
      // 行政复议四件，均维持原具体行政行为 / 复议1件，经复议维持
      '复议(?:案件|申请)?{N},?(?:经复议|复议机关|复议结果(?:均)?为|结果(?:均)?为)?(?:均|全部|都)?(?:被|予以)?维持',
    ],
  },
  {
    key: 'review.corrected',
    ...review('review'),
    patterns: ['(?:被)?(?:依法)?纠错(?:数|的)?(?:为)?{N}', '{N}(?:为|被)?(?:判决|决定)?(?:依法)?纠错', ...CORRECTED],
  },
  {
    key: 'review.other',
    ...review('review'),
    patterns: ['其他(?:情形|结果|结案方式|方式结案)?(?:数|的)?(?:为)?{N}', '{N}(?:为|是)?(?:不予受理|终止|驳回|撤回|调解|其他)'],
  },
  {
    key: 'review.pending',
    ...review('review'),
    patterns: ['复议(?:案件)?{N},?(?:均|全部|都)?(?:尚)?(?:未审结|在审理|正在审理)(?:中)?' + ALL_PENDING_END, '(?:尚未审结|未审结|正在审理|尚在审理)(?:中)?(?:的)?{N}', '{N}(?:尚)?(?:未审结|正在审理|在审理)'],
  },
  {
    key: 'litigation.total',
    section: REVIEW,
    patterns: ['行政诉讼(?:案件|案)?(?:数量?)?(?:共计?)?(?:为)?{N}', '复议(?:和|、|及|与)行政诉讼(?:案件)?各{N}'],
    zero: [
      `${NONE}{G}{0,25}?行政诉讼`,
      `${NONE}{G}{0,25}?复议(?:和|及|、|或)(?:行政)?诉讼`,
      '行政诉讼{G}{0,10}?(?:均为|都为|数为|为)(?:0|零)(?![0-9.])',
    ],
  },
  {
    key: 'litigation.upheld',
    ...review('litigation'),
    patterns: [
      '维持(?:具体|原)?(?:行政行为|决定)?(?:或者?驳回原告诉讼请求)?(?:数|的)?(?:为)?{N}',
      '{N}(?:为|被)?(?:判决)?(?:予以)?维持',
      // 驳回原告诉讼请求2件 (rejecting the claims upholds the answer; 驳回起诉 is procedural: other)
      '(?:判决)?驳回(?:原告)?(?:的)?诉讼请求(?:的)?{N}',
      '{N}(?:被)?(?:判决)?驳回(?:原告)?(?:的)?诉讼请求',
      // 行政诉讼1件，法院判决驳回原告诉讼请求 / 诉讼2件，均维持
      '诉讼(?:案件)?{N},?(?:经)?(?:法院)?(?:判决|裁定)?(?:结果(?:均)?为)?(?:均|全部|都)?(?:被|予以)?(?:维持|驳回(?:原告)?(?:的)?(?:诉讼)?请求)',
    ],
  },
  {
    key: 'litigation.corrected',
    ...review('litigation'),
    patterns: ['(?:被)?(?:依法)?纠错(?:数|的)?(?:为)?{N}', '{N}(?:为|被)?(?:判决|决定)?(?:依法)?纠错', ...CORRECTED],
  },
  {
    key: 'litigation.other',
    ...review('litigation'),
    patterns: ['其他(?:情形|结果|结案方式|方式结案)?(?:数|的)?(?:为)?{N}', '{N}(?:为|是)?(?:不予受理|终止|撤诉|调解|其他)'],
  },
  {
    key: 'litigation.pending',
    ...review('litigation'),
    patterns: ['诉讼(?:案件)?{N},?(?:均|全部|都)?(?:尚)?(?:未审结|在审理|正在审理)(?:中)?' + ALL_PENDING_END, '(?:尚未审结|未审结|正在审理|尚在审理)(?:中)?(?:的)?{N}', '{N}(?:尚)?(?:未审结|正在审理|在审理)'],
  },

  // ── 举报投诉 / 咨询 ──────────────────────────────────────────────────────────────────────
  {
    key: 'complaints.total',
    section: /举报|投诉|申诉/,
    patterns: ['(?:政府信息公开|信息公开){G}{0,12}?(?:举报|投诉|申诉)(?:案件|事件)?(?:数量?)?(?:共计?)?(?:为)?{N}'],
    zero: [`${NONE}{G}{0,15}?(?:政府信息公开|信息公开){G}{0,12}?(?:举报|投诉|申诉)`],
  },
  {
    key: 'consultations.total',
    section: /咨询|依申请/,
    units: CONSULT_UNITS,
    patterns: [
      '(?:政府信息公开|信息公开|政务公开)(?:方面)?(?:的)?咨询(?:共计?)?(?:为)?{N}',
      '(?:接受|受理|解答|答复|接待)(?:了)?(?:群众|公众|申请人)?(?:的)?(?:政府信息公开|信息公开|政务公开)(?:方面)?(?:的)?(?:咨询|查询)(?:共计?)?{N}',
    ],
  },

  {
    // 五、咨询处理情况: 全年共接受公众咨询2345人次 (the section says whose consultations they are)
    key: 'consultations.total',
    section: /咨询/,
    context: /信息公开咨询|咨询处理|咨询情况|咨询服务情况/,
    weak: true,
    units: CONSULT_UNITS,
    patterns: [
      '(?:接受|受理|解答|答复|接待|处理)(?:了)?(?:群众|公众|市民|申请人)?(?:的)?(?:各类)?(?:现场|电话|网上|网络)?咨询(?:共计?)?(?:为)?{N}',
    ],
  },

  {
    // 全年接受群众现场、电话和网上咨询1200余人次 in the 依申请/主动公开 part of the report: the
    // disclosure office's consultations (a hotline's or a service hall's are not).
    key: 'consultations.total',
    section: /咨询/,
    context: /信息公开|依申请|主动公开/,
    clauseReject: /热线|12345|信箱|投诉|求助|来电|政务服务|办事|业务咨询/,
    weak: true,
    units: CONSULT_UNITS,
    patterns: [
      '(?:接受|受理|解答|答复|接待|处理)(?:了)?(?:群众|公众|市民|申请人|社会公众)?(?:的)?(?:各类)?(?:(?:现场|当面|电话|网上|网络|信函|来信|来访)[、和及与]?){0,4}咨询(?:共计?)?(?:为)?{N}',
    ],
  },

  // ── 收费 ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'fees.collected',
    section: FEES,
    context: /信息|申请/,
    patterns: [
      '收取(?:检索|复制|邮寄|工本)?(?:、|等)?(?:费用|费)(?:共计?)?(?:为)?{N}',
      // 收取检索、复制、邮寄等费用3.62万元 / 收取检索费、复制费、邮寄费共计1286元
      '收取(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:(?:检索|复制|复印|邮寄|工本|打印)费?[、和及]?)+(?:等)?(?:费用|费)?(?:共计?|总计|合计)?(?:为)?{N}',
      // 依申请公开收取的费用(检索费、邮寄费、复制费等)为0元
      '收取(?:的)?(?:各项|任何)?费用(?:\\([^)]*\\))?(?:共计?)?(?:为)?{N}',
      '收费(?:金额)?(?:共计?)?(?:为)?{N}',
    ],
    zero: [
      '(?:没有|未|不|无)(?:向申请人)?收取(?:任何)?(?:费用|费)',
      // 未收取政府信息公开相关费用
      '(?:没有|未|不)(?:向申请人)?收取{G}{0,20}?(?:费用|费)',
      `${NONE}{G}{0,30}?收费`,
      '收费(?:金额)?(?:为)?(?:0|零)(?:元)?(?![0-9.])',
      '收费{G}{0,8}?(?:均为|均是|为)(?:0|零)(?:元)?(?![0-9.])',
    ],
  },
  {
    key: 'fees.waived',
    section: FEES,
    context: /信息|申请/,
    patterns: ['减免(?:费用)?(?:共计?)?(?:为)?{N}'],
    zero: [`${NONE}{G}{0,30}?减免`, '减免{G}{0,6}?(?:均为|均是|为)(?:0|零)(?:元)?(?![0-9.])', '(?:未|没有)(?:任何)?减免'],
  },

  // ── 机构、人员、经费 ──────────────────────────────────────────────────────────────────────
  {
    key: 'org.offices',
    section: ORG,
    patterns: [
      '(?:政府信息公开|信息公开|政务公开)?(?:工作)?专门(?:工作)?机构(?:共)?(?:为)?{N}',
      // 全省共有政府信息公开工作机构2,103个
      '(?:政府信息公开|信息公开|政务公开)(?:工作)?机构(?:共)?(?:为)?{N}',
    ],
  },
  {
    key: 'org.reading_points',
    section: ORG,
    patterns: ['查阅(?:点|场所|室|中心)(?:共)?(?:为)?{N}', '设(?:置|立)(?:了)?{N}(?:政府信息公开)?(?:信息)?查阅(?:点|场所|室)'],
  },
  {
    key: 'org.staff',
    section: ORG,
    // 培训各级政务公开工作人员260余人 counts trainees.
    clauseReject: /培训|参训/,
    patterns: [
      '从事(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:的)?(?:工作)?人员(?:数)?(?:共计?)?(?:为)?{N}',
      '(?:政府信息公开|信息公开|政务公开)工作人员(?:数)?(?:共计?)?(?:为)?{N}',
    ],
  },
  {
    // 配备工作人员3名，其中专职1名 (the sentence must be about 信息公开/政务公开)
    key: 'org.staff',
    section: ORG,
    context: GIP,
    weak: true,
    patterns: ['(?:配备|落实|明确|确定|安排|现有|共有)(?:了)?(?:专兼职)?(?:信息公开|政务公开)?(?:工作)?人员(?:共计?)?{N}'],
  },
  { key: 'org.staff_full_time', section: ORG, context: GIP, patterns: ['专职(?:人员|工作人员)?(?:数)?(?:为)?{N}'] },
  // (?<!专): 配备专兼职工作人员6名 is everyone, not the part-timers.
  { key: 'org.staff_part_time', section: ORG, context: GIP, patterns: ['(?<!专)兼职(?:人员|工作人员)?(?:数)?(?:为)?{N}'] },
  // 明确1名专职人员和3名兼职人员: the number may come first — but 各部门明确一名兼职人员 is a
  // quota per unit, not a head count.
  { key: 'org.staff_full_time', section: ORG, context: GIP, clauseReject: PER_UNIT, weak: true, patterns: ['{N}专职(?:人员|工作人员)'] },
  { key: 'org.staff_part_time', section: ORG, context: GIP, clauseReject: PER_UNIT, weak: true, patterns: ['{N}兼职(?:人员|工作人员)'] },
  {
    key: 'org.budget',
    section: ORG,
    context: GIP,
    // 政府信息公开工作经费5万元 names the same budget without 专项
    patterns: ['专项经费(?:共计?)?(?:为)?{N}', '(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:专项)?经费(?:投入)?(?:共计?)?(?:为|达)?{N}'],
  },

  // ── 会议和培训 ──────────────────────────────────────────────────────────────────────────
  {
    key: 'training.meetings',
    section: TRAINING,
    context: GIP,
    patterns: [
      '召开(?:政府信息公开|信息公开|政务公开)?(?:工作)?(?:会议|专题会议|工作会议|专题会)(?:或专题会议)?(?:共计?)?{N}',
      '召开(?:了)?(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:推进会|部署会|调度会|座谈会|联席会议?|领导小组会议?)(?:共计?)?{N}',
      '召开(?:了)?{N}(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:会议|专题会议|专题会)',
    ],
  },
  {
    key: 'training.sessions',
    section: TRAINING,
    context: GIP,
    patterns: [
      '(?:举办|开展|组织)(?:开展)?(?:了)?(?:各类)?(?:政府信息公开|信息公开|政务公开)?(?:工作)?(?:业务|专题)?培训(?:班|会)?(?:共计?)?{N}',
      '(?:举办|组织|开展)(?:了)?(?:各类)?{N}(?:政府信息公开|信息公开|政务公开)?(?:业务|专题)?培训',
      // 举办全区教育系统政务公开培训班1期
      '(?:举办|开展|组织)(?:了)?{G}{1,10}?(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:业务|专题)?培训(?:班|会)?(?:共计?)?{N}',
    ],
  },
  {
    key: 'training.attendees',
    section: TRAINING,
    context: GIP,
    patterns: ['(?:接受)?培训(?:人员|干部|工作人员)?(?:共计?|达)?{N}', '培训{G}{0,12}?(?:人员|干部|工作人员|职工)(?:共计?|达)?{N}', '参训(?:人员|干部|干部职工|工作人员|人数)?(?:共计?|达)?{N}'],
  },
];

/**
 * Old 统计表 (2008–2018 national statistics table) row labels → key. Matched against the row
 * label with its numbering, spaces, units and parenthesised notes removed. `group` rows
 * (行政复议数量 / 行政诉讼数量) set the subject for the 维持/纠错/其他 rows under them.
 */
export interface StatRow {
  label: RegExp;
  key: string | ((group: Subject | undefined) => string | undefined);
  group?: Subject;
}

const byGroup = (outcome: string) => (g: Subject | undefined) => (g ? `${g}.${outcome}` : undefined);

export const STAT_ROWS: StatRow[] = [
  { label: /^主动公开(政府)?信息(总)?数/, key: 'proactive.total' },
  { label: /^(其中)?主动公开规范性文件数/, key: 'proactive.normative_docs' },
  { label: /^制发规范性文件总数/, key: 'normative_docs.issued' },
  { label: /^(通过)?政府公报公开(政府)?信息数/, key: 'proactive.channel.gazette' },
  { label: /^(通过)?(政府|门户)网站公开(政府)?信息数/, key: 'proactive.channel.website' },
  { label: /^(通过)?政务微博公开(政府)?信息数/, key: 'proactive.channel.weibo' },
  { label: /^(通过)?政务微信公开(政府)?信息数/, key: 'proactive.channel.wechat' },
  { label: /^(通过)?其他(方式|渠道)公开(政府)?信息数/, key: 'proactive.channel.other' },
  { label: /^回应公众关注热点或重大舆情数/, key: 'response.public_concerns' },
  { label: /^(参加或举办|举办或参加|举办|召开)新闻发布会总?次数/, key: 'response.press_conferences' },
  { label: /^(其中)?主要负责同志参加新闻发布会次数/, key: 'response.press_conferences_leaders' },
  { label: /^(政府网站)?在线访谈次数/, key: 'response.interviews' },
  { label: /^(其中)?主要负责同志参加(政府网站)?在线访谈次数/, key: 'response.interviews_leaders' },
  { label: /^(政策解读稿件发布数|发布政策解读稿件数)/, key: 'response.interpretation_docs' },
  { label: /^微博微信回应事件数/, key: 'response.weibo_wechat' },
  { label: /^其他方式回应事件数/, key: 'response.other' },
  { label: /^(收到申请数|申请总数|受理依申请公开信息总数|(收到|受理)(政府信息公开)?申请(总)?数)/, key: 'applications.new.total' },
  { label: /^当面申请数/, key: 'applications.channel.in_person' },
  { label: /^传真申请数/, key: 'applications.channel.fax' },
  { label: /^(网络|网上)申请数/, key: 'applications.channel.online' },
  { label: /^信函申请数/, key: 'applications.channel.letter' },
  { label: /^其他形式申请数/, key: 'applications.channel.other' },
  { label: /^申请办结数/, key: 'applications.closed' },
  { label: /^按时办结数/, key: 'applications.closed_on_time' },
  { label: /^延期办结数/, key: 'applications.closed_extended' },
  { label: /^(申请答复数|(本年度)?对申请的答复总数)/, key: 'reply.total' },
  { label: /^属于已主动公开范围数/, key: 'reply.already_public' },
  { label: /^同意公开答复数/, key: 'reply.granted' },
  { label: /^同意部分公开答复数/, key: 'reply.partial' },
  { label: /^(不同意公开答复数|否决公开答复总?数)/, key: 'reply.refused' },
  { label: /^(其中)?涉及国家秘密/, key: 'reply.refused.state_secret' },
  { label: /^涉及商业秘密/, key: 'reply.refused.commercial_secret' },
  { label: /^涉及个人隐私/, key: 'reply.refused.privacy' },
  { label: /^危及国家安全/, key: 'reply.refused.security_stability' },
  { label: /^不是《?条例》?所指政府信息/, key: 'reply.refused.not_gov_info' },
  { label: /^法律法规规定的其他情形/, key: 'reply.refused.other_law' },
  { label: /^不属于本行政机关公开数/, key: 'reply.not_this_agency' },
  { label: /^申请信息不存在数/, key: 'reply.not_exist' },
  { label: /^告知作出更改补充数/, key: 'reply.correction' },
  { label: /^告知通过其他途径办理数/, key: 'reply.other_channel' },
  { label: /^行政复议(数量?|案件数)/, key: 'review.total', group: 'review' },
  { label: /^行政诉讼(数量?|案件数)/, key: 'litigation.total', group: 'litigation' },
  { label: /^维持具体行政行为/, key: byGroup('upheld') },
  { label: /^被依法纠错数/, key: byGroup('corrected') },
  { label: /^其他情形数/, key: byGroup('other') },
  { label: /^(因政府信息公开工作)?被?举报投诉数量/, key: 'complaints.total' },
  { label: /^依申请提供政府信息收取的费用|^依申请公开信息收取的费用/, key: 'fees.collected' },
  { label: /^依申请提供政府信息减免的费用|^依申请公开信息减免的费用/, key: 'fees.waived' },
  { label: /^政府信息公开工作专门机构数/, key: 'org.offices' },
  { label: /^设置政府信息公开查阅点数/, key: 'org.reading_points' },
  { label: /^从事政府信息公开工作人员数/, key: 'org.staff' },
  { label: /^专职人员数/, key: 'org.staff_full_time' },
  { label: /^兼职人员数/, key: 'org.staff_part_time' },
  { label: /^政府信息公开专项经费/, key: 'org.budget' },
  { label: /^召开政府信息公开工作会议或专题会议数/, key: 'training.meetings' },
  { label: /^举办各类培训班数/, key: 'training.sessions' },
  { label: /^接受培训人员数/, key: 'training.attendees' },
];

/**
 * A section that answers with a bare 无/没有/未发生 ("四、行政复议和行政诉讼情况 / 无。") states
 * zero for the totals its heading names.
 */
export const BARE_NONE = /^(?:本年度?|全年|20\d\d年度?)?[,]?(?:无|没有|未发生|均无|暂无)(?:此类|相关|该类)?(?:情况|情形|事项)?[。.]?$/;
export const SECTION_ZERO: { heading: RegExp; keys: string[] }[] = [
  { heading: /收费/, keys: ['fees.collected'] },
  { heading: /减免/, keys: ['fees.waived'] },
  { heading: /复议/, keys: ['review.total'] },
  { heading: /诉讼/, keys: ['litigation.total'] },
  { heading: /举报|投诉|申诉/, keys: ['complaints.total'] },
  { heading: /依申请公开/, keys: ['applications.new.total'] },
];
