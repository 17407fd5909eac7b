/**
 * A starter library of 绩效指标 shipped with the app, for clerks who start a 项目支出绩效目标表
 * from nothing: common 三级指标 of county projects (培训, 工程, 补助补贴, 卫生, 教育, 农业, 体育,
 * 民政, 环保, 信息化, 单位运转) under the usual 一级 / 二级 headings, each with a typical 指标值.
 * Written for this app in the style of published county forms; the numbers are typical
 * targets for the clerk to adjust, not norms.
 *
 * A value may name a form field in braces by its printed label (`≤{年度资金总额}万元`,
 * `{年度}年12月底前`); fillPlaceholders puts the form's values in when an entry is picked.
 */

export interface StarterIndicator {
  readonly level1: string;
  readonly level2: string;
  /** 三级指标 */
  readonly name: string;
  /** A typical 指标值; may contain placeholders such as {年度}. */
  readonly value: string;
  /** A hint for the clerk, shown beside the entry. */
  readonly note?: string;
}

/** The usual 一级指标 and the 二级指标 under each, in printed order. */
export const INDICATOR_LEVELS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  产出指标: Object.freeze(['数量指标', '质量指标', '时效指标', '成本指标']),
  效益指标: Object.freeze(['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']),
  满意度指标: Object.freeze(['服务对象满意度指标']),
});

/** Form fields a value may name, by their printed labels. */
export const PLACEHOLDER_LABELS = ['年度', '年度资金总额', '财政拨款', '其他资金', '项目名称', '实施单位'] as const;
export type PlaceholderLabel = (typeof PLACEHOLDER_LABELS)[number];

type Row = readonly [name: string, value: string, note?: string];

function group(level1: string, level2: string, rows: readonly Row[]): StarterIndicator[] {
  return rows.map(([name, value, note]) => Object.freeze(note ? { level1, level2, name, value, note } : { level1, level2, name, value }));
}

const ADJUST = '按项目实际调整数值';

const QUANTITY: readonly Row[] = [
  ['培训人次', '≥200人次', ADJUST],
  ['举办培训班期数', '≥4期'],
  ['人均培训天数', '≥3天'],
  ['新建道路长度', '≥5公里'],
  ['道路提质改造长度', '≥3公里'],
  ['新建（改扩建）校舍面积', '≥2000平方米'],
  ['房屋维修改造面积', '≥1500平方米'],
  ['新建小型水利设施', '≥10处'],
  ['补助发放人数', '≥500人', '与补助花名册人数一致'],
  ['补贴发放户数', '≥300户'],
  ['耕地地力保护补贴面积', '≥10万亩'],
  ['农业实用技术推广面积', '≥5000亩'],
  ['高标准农田建设面积', '≥1万亩'],
  ['补贴购置农机具数量', '≥100台'],
  ['家庭医生签约服务人数', '≥1万人'],
  ['老年人健康体检人数', '≥3000人'],
  ['健康教育讲座场次', '≥12场'],
  ['资助家庭经济困难学生人次', '≥800人次'],
  ['配备教学仪器设备套数', '≥50套'],
  ['举办群众体育赛事活动场次', '≥10场'],
  ['新建全民健身场地数量', '≥5个'],
  ['特困人员救助供养人数', '≥200人'],
  ['城乡低保保障人数', '≥1000人'],
  ['养老服务设施覆盖乡镇数', '≥10个'],
  ['新建污水管网长度', '≥2公里'],
  ['生活垃圾清运量', '≥1.5万吨'],
  ['新增造林面积', '≥500亩'],
  ['建设信息系统数量', '=1个'],
  ['接入业务终端数量', '≥100台'],
  ['保障在职人员数量', '=50人', '按年末在职人数填写'],
];

const QUALITY: readonly Row[] = [
  ['培训考核合格率', '≥95%'],
  ['参训人员到课率', '≥90%'],
  ['工程验收合格率', '100%'],
  ['工程质量达标率', '100%'],
  ['补助对象识别准确率', '100%'],
  ['补贴资金足额发放率', '100%'],
  ['资金使用合规率', '100%'],
  ['政府采购执行合规率', '100%'],
  ['免疫规划疫苗报告接种率', '≥90%'],
  ['慢性病患者规范管理率', '≥70%'],
  ['学生资助政策落实率', '100%'],
  ['义务教育巩固率', '≥98%'],
  ['农作物病虫害统防统治覆盖率', '≥40%'],
  ['农产品质量安全抽检合格率', '≥98%'],
  ['赛事活动完成率', '100%'],
  ['体育设施验收合格率', '100%'],
  ['救助对象动态管理准确率', '≥98%'],
  ['生活垃圾无害化处理率', '≥95%'],
  ['污水处理达标排放率', '100%'],
  ['信息系统运行稳定率', '≥99%'],
  ['网络安全事件发生次数', '=0次'],
  ['设备采购验收合格率', '100%'],
  ['公用经费支出合规率', '100%'],
  ['固定资产账实相符率', '100%'],
];

const TIMELINESS: readonly Row[] = [
  ['培训完成时间', '{年度}年11月底前'],
  ['项目开工时间', '{年度}年6月底前'],
  ['工程完工时间', '{年度}年12月底前'],
  ['项目完成时间', '{年度}年年底前'],
  ['补助资金发放及时率', '100%'],
  ['资金拨付及时率', '100%'],
  ['采购完成时间', '{年度}年9月底前'],
  ['赛事举办时间', '{年度}年10月底前'],
  ['学生资助资金发放时间', '按学期及时发放'],
  ['工资发放时间', '按月发放'],
  ['信息系统上线时间', '{年度}年10月底前'],
  ['种子种苗发放时间', '{年度}年3月底前'],
  ['救助资金发放时间', '每月10日前'],
  ['系统故障响应时间', '≤2小时'],
  ['问题整改完成时限', '≤30天'],
];

const COST: readonly Row[] = [
  ['项目总成本', '≤{年度资金总额}万元', '不超过年度资金总额'],
  ['财政资金投入', '≤{财政拨款}万元'],
  ['单位自筹资金投入', '≥{其他资金}万元', '其他资金为0时可删除此行'],
  ['人均培训成本', '≤800元/人'],
  ['工程单位面积造价', '≤3000元/平方米'],
  ['道路每公里建设成本', '≤200万元/公里'],
  ['户均补贴标准', '≤2000元/户', '按政策规定的补贴标准填写'],
  ['每亩补贴标准', '≤100元/亩'],
  ['每场赛事平均成本', '≤5万元/场'],
  ['设备购置单价', '≤5000元/台'],
  ['信息系统运维费用', '≤30万元'],
  ['人均公用经费', '≤1.5万元/人'],
  ['“三公”经费支出', '≤10万元'],
  ['垃圾清运单位成本', '≤150元/吨'],
  ['项目预算执行偏差率', '≤5%'],
];

const ECONOMIC: readonly Row[] = [
  ['带动农户户均增收', '≥2000元'],
  ['农业总产值增长率', '≥5%'],
  ['粮食亩均增产', '≥20公斤'],
  ['村集体经济收入增长率', '≥10%'],
  ['带动社会投资', '≥500万元'],
  ['带动就业人数', '≥50人'],
  ['参训人员就业率', '≥80%'],
  ['带动体育消费', '明显增长'],
  ['降低群众就医费用', '有效降低'],
  ['节约办公运行成本', '≥10%'],
  ['项目资金使用效益', '显著提高'],
  ['道路通行时间缩短', '≥20%'],
];

const SOCIAL: readonly Row[] = [
  ['参训人员业务能力', '明显提升'],
  ['群众出行条件', '显著改善'],
  ['困难群众基本生活', '有效保障'],
  ['补助政策知晓率', '≥90%'],
  ['居民健康素养水平', '≥25%'],
  ['突发公共卫生事件处置率', '100%'],
  ['因贫失学辍学学生人数', '=0人'],
  ['学校办学条件', '明显改善'],
  ['经常参加体育锻炼人数比例', '≥38%'],
  ['全民健身氛围', '持续提升'],
  ['特困人员生活质量', '有效提高'],
  ['养老服务水平', '稳步提升'],
  ['符合条件对象应保尽保率', '100%'],
  ['政务服务办理效率', '明显提高'],
  ['数据共享部门数', '≥10个'],
  ['保障单位正常运转', '应保尽保'],
  ['单位履职能力', '有效提升'],
  ['安全生产事故发生次数', '=0起'],
  ['重要农产品稳定供给', '有效保障'],
  ['农民科技素质', '明显提高'],
  ['群众生态环保意识', '明显增强'],
  ['农村人居环境', '持续改善'],
];

const ECOLOGICAL: readonly Row[] = [
  ['本项目不适用此指标', '无', '二级指标不适用时，按惯例保留此行'],
  ['空气质量优良天数比例', '≥85%'],
  ['地表水水质达标率', '≥90%'],
  ['森林覆盖率', '≥45%'],
  ['生活垃圾分类覆盖率', '≥60%'],
  ['水土流失治理面积', '≥2平方公里'],
  ['秸秆综合利用率', '≥90%'],
  ['畜禽粪污综合利用率', '≥80%'],
  ['化肥农药使用量', '较上年减少'],
  ['施工扬尘污染', '有效控制'],
  ['无纸化办公比例', '≥80%'],
];

const SUSTAINABLE: readonly Row[] = [
  ['培训成果持续应用', '长期发挥作用'],
  ['工程设计使用年限', '≥20年'],
  ['设施运行管护机制', '建立健全'],
  ['补助政策持续实施', '持续稳定'],
  ['基层医疗服务能力', '持续提升'],
  ['义务教育均衡发展', '持续推进'],
  ['农业产业持续发展', '影响可持续'],
  ['体育赛事品牌影响力', '持续扩大'],
  ['养老服务体系', '逐步完善'],
  ['生态环境保护长效机制', '建立健全'],
  ['信息系统使用年限', '≥5年'],
  ['单位工作持续正常开展', '有效保障'],
];

const SATISFACTION: readonly Row[] = [
  ['参训学员满意度', '≥90%'],
  ['受益群众满意度', '≥90%'],
  ['补助对象满意度', '≥95%'],
  ['就诊患者满意度', '≥90%'],
  ['学生及家长满意度', '≥90%'],
  ['受益农户满意度', '≥90%'],
  ['参赛群众满意度', '≥90%'],
  ['救助对象满意度', '≥95%'],
  ['周边居民满意度', '≥85%'],
  ['系统使用人员满意度', '≥90%'],
  ['单位职工满意度', '≥90%'],
  ['社会公众满意度', '≥85%'],
  ['入住老年人满意度', '≥90%'],
  ['有效投诉次数', '≤2次'],
];

export const STARTER_LIBRARY: readonly StarterIndicator[] = Object.freeze([
  ...group('产出指标', '数量指标', QUANTITY),
  ...group('产出指标', '质量指标', QUALITY),
  ...group('产出指标', '时效指标', TIMELINESS),
  ...group('产出指标', '成本指标', COST),
  ...group('效益指标', '经济效益指标', ECONOMIC),
  ...group('效益指标', '社会效益指标', SOCIAL),
  ...group('效益指标', '生态效益指标', ECOLOGICAL),
  ...group('效益指标', '可持续影响指标', SUSTAINABLE),
  ...group('满意度指标', '服务对象满意度指标', SATISFACTION),
]);

/**
 * Puts `values[label]` in for each `{label}` in value. A placeholder with no value given is
 * left exactly as it was, so the clerk sees what still needs filling; inserted values are not
 * scanned again. Of nested braces (`{{年度}}`) the innermost pair counts. Linear: each
 * character is looked at a bounded number of times.
 */
export function fillPlaceholders(value: string, values: Record<string, string>): string {
  let out = '';
  let pos = 0;
  for (const p of placeholderSpans(value)) {
    out += value.slice(pos, p.start);
    out += Object.prototype.hasOwnProperty.call(values, p.name) ? values[p.name] : value.slice(p.start, p.end);
    pos = p.end;
  }
  return out + value.slice(pos);
}

/** The labels value names in braces, in order, with repeats. */
export function placeholdersIn(value: string): string[] {
  return [...placeholderSpans(value)].map((p) => p.name);
}

interface PlaceholderSpan {
  /** Index of '{'. */
  start: number;
  /** Index just past '}'. */
  end: number;
  name: string;
}

/** indexOf / lastIndexOf scan disjoint stretches of the text, so this is linear however the braces fall. */
function* placeholderSpans(value: string): Generator<PlaceholderSpan> {
  let pos = 0;
  for (;;) {
    const open = value.indexOf('{', pos);
    if (open < 0) return;
    const close = value.indexOf('}', open + 1);
    if (close < 0) return;
    const innermostOpen = value.lastIndexOf('{', close);
    yield { start: innermostOpen, end: close + 1, name: value.slice(innermostOpen + 1, close) };
    pos = close + 1;
  }
}
