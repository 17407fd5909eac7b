/**
 * What a county's forms look like, made up deterministically for the bench stores: 主管部门 with
 * 3-digit codes and their units (codes extend the department's: 101 → 101001), one 2019 部门整体
 * form per unit and year, and project forms of both project templates with 10–40 indicator rows.
 * A few forms in every hundred are wrong or half filled, as received forms are, so the 汇总
 * meets every check status. Pure functions of (year, unit, index): the same store every time.
 */
import type { FormData, GroupRow } from '../../shared/form';
import { formatUnits } from '../../shared/money';
import { seedForm } from '../../test/helpers/seed';

export const COUNTY = '六安市金安区';

const DEPARTMENTS = [
  '教育局',
  '卫生健康委员会',
  '农业农村局',
  '水利局',
  '交通运输局',
  '民政局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '文化旅游体育局',
  '公安局',
  '司法局',
  '财政局',
  '审计局',
  '统计局',
  '应急管理局',
  '市场监督管理局',
  '林业局',
  '生态环境分局',
  '医疗保障局',
  '退役军人事务局',
  '城市管理局',
  '商务局',
  '发展和改革委员会',
  '科学技术局',
  '工业和信息化局',
  '档案馆',
  '机关事务服务中心',
  '融媒体中心',
  '政务服务管理局',
  '乡村振兴局',
  '供销合作社联合社',
  '总工会',
  '团委',
  '妇女联合会',
  '残疾人联合会',
  '科学技术协会',
  '红十字会',
  '地方志办公室',
  '信访局',
];

const SUB_UNITS = [
  '事务中心',
  '服务中心',
  '管理所',
  '监测站',
  '综合执法大队',
  '综合服务站',
  '第一中学',
  '第二中学',
  '中心小学',
  '实验学校',
  '培训中心',
  '信息中心',
  '质量检测所',
  '技术推广站',
  '资金结算中心',
  '后勤服务中心',
  '研究室',
  '保障中心',
  '宣传中心',
  '指导站',
];

const TOPICS = [
  '全民健身赛事活动',
  '义务教育薄弱环节改善',
  '农村公路养护',
  '疾病预防控制',
  '高标准农田建设',
  '城乡环境综合整治',
  '基层医疗卫生机构运行',
  '学生资助',
  '水利工程维修养护',
  '森林防火',
  '食品安全抽检',
  '社区矫正',
  '退役军人服务保障',
  '非物质文化遗产保护',
  '智慧城市建设',
  '应急物资储备',
  '困难群众救助',
  '就业创业补贴',
  '农村饮水安全',
  '老旧小区改造',
  '河湖长制',
  '村级组织运转',
  '网格化社会治理',
  '档案数字化',
  '政务服务一网通办',
  '消防安全隐患整治',
  '妇女儿童关爱',
  '残疾人康复',
  '科普宣传',
  '特色产业发展',
];
const KINDS = ['专项经费', '补助资金', '项目', '工作经费', '运行维护费'];

/** A small seeded generator (mulberry32), so every run makes the same store. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Unit {
  code: string;
  name: string;
  department: { code: string; name: string };
  /** Projects filed every year (names stay, money changes). */
  projects: number;
  /** Writes its own code into 实施单位 ([101002]…), as some units do. */
  writesCode: boolean;
}

/** `units` budget units spread over the departments (the department's own office is its first unit). */
export function countyUnits(units: number, projectsPerYear: number): Unit[] {
  const depts = DEPARTMENTS.map((d, i) => ({ code: String(101 + i), name: `${COUNTY}${d}` }));
  const out: Unit[] = [];
  for (let i = 0; i < units; i++) {
    const dept = depts[i < depts.length ? i : Math.floor(random(i)() * depts.length)];
    const n = out.filter((u) => u.department.code === dept.code).length;
    const name = n === 0 ? dept.name : `${dept.name}${SUB_UNITS[(n - 1) % SUB_UNITS.length]}${n > SUB_UNITS.length ? n : ''}`;
    out.push({ code: `${dept.code}${String(n + 1).padStart(3, '0')}`, name, department: dept, projects: 0, writesCode: i % 5 === 3 });
  }
  // 5 to 93 projects per unit, then the remainder on the last units, so a year has exactly `projectsPerYear`.
  let left = projectsPerYear;
  out.forEach((u, i) => {
    u.projects = Math.min(left, 5 + ((i * 37) % 89));
    left -= u.projects;
  });
  for (let i = out.length - 1; left > 0; i = (i - 1 + out.length) % out.length, left--) out[i].projects++;
  return out;
}

/** An amount in 万元 with up to 4 decimals, as a canonical string, from a count of 元. */
const yuan = (r: () => number, max: number): bigint => BigInt(Math.floor(r() * max * 10_000));

const LEVELS: [string, string[]][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];

function indicatorRows(r: () => number, year: string, topic: string, total: string, count: number, noSatisfaction: boolean): GroupRow[] {
  const rows: GroupRow[] = [];
  const pairs = LEVELS.flatMap(([l1, l2s]) => l2s.map((l2) => [l1, l2] as const)).filter(
    ([l1]) => !(noSatisfaction && l1 === '满意度指标'),
  );
  for (let i = 0; i < count; i++) {
    const [level1, level2] = pairs[Math.min(pairs.length - 1, Math.floor((i / count) * pairs.length))];
    const n = i + 1;
    const value =
      level2 === '时效指标'
        ? `${year}年${1 + (n % 12)}月底前`
        : level2 === '成本指标'
          ? `≤${total}万元`
          : level2 === '数量指标'
            ? `≥${10 + Math.floor(r() * 990)}人次`
            : level1 === '满意度指标'
              ? '≥95%'
              : level2 === '质量指标'
                ? `${90 + Math.floor(r() * 11)}%`
                : ['效果显著', '明显提升', '长期', '持续改善'][n % 4];
    rows.push({
      level1,
      level2,
      name: `${topic}${['覆盖人数', '完成率', '达标率', '按时完成', '成本控制', '群众受益', '长效机制'][n % 7]}${n}`,
      value,
    });
  }
  return rows;
}

function goalText(year: string, topic: string): string {
  return `目标1：${year}年全面完成${topic}各项任务，资金按规定用途使用；\n目标2：项目实施规范，按计划进度推进并通过验收；\n目标3：服务对象满意度达到95%以上。`;
}

/** The i-th project form of a unit in a year. */
export function projectForm(unit: Unit, year: string, i: number): FormData {
  const r = random(Number(year) * 1_000_003 + Number(unit.code) * 101 + i);
  const topic = TOPICS[(Number(unit.code) + i) % TOPICS.length];
  const projectName = `${topic}${KINDS[i % KINDS.length]}${i >= TOPICS.length ? `（${Math.floor(i / TOPICS.length) + 1}）` : ''}`;
  const totalUnits = yuan(r, 2000);
  const fiscalUnits = (totalUnits * BigInt(Math.floor(r() * 101))) / 100n;
  const total = formatUnits(totalUnits);
  let fiscal = formatUnits(fiscalUnits);
  const other = formatUnits(totalUnits - fiscalUnits);
  const roll = r();
  const wrongSum = roll < 0.03; // 年度资金总额 ≠ 财政拨款 + 其他资金
  const noSatisfaction = roll >= 0.03 && roll < 0.08; // 满意度指标 left out
  const halfFilled = roll >= 0.08 && roll < 0.1; // goal and most indicators not yet written
  if (wrongSum) fiscal = formatUnits(fiscalUnits + 1n);
  const count = halfFilled ? 2 : 10 + Math.floor(r() * 31);
  const rows = indicatorRows(r, year, topic, total, count, noSatisfaction);
  const national = (Number(unit.code) + i) % 10 === 0;
  const department = `[${unit.department.code}]${unit.department.name}`;
  const unitText = unit.writesCode ? `[${unit.code}]${unit.name}` : unit.name;
  const goal = halfFilled ? '' : goalText(year, topic);
  if (national) {
    return {
      templateId: 'xiangmu-zhichu-2015',
      values: {
        year,
        projectName,
        department,
        unit: unitText,
        attribute: i % 3 === 0 ? '新增项目' : '延续项目',
        period: '3年',
        midTotal: formatUnits(totalUnits * 3n),
        midFiscal: formatUnits(fiscalUnits * 3n),
        midOther: formatUnits((totalUnits - fiscalUnits) * 3n),
        total,
        fiscal,
        other,
        midGoal: `${topic}三年内全面达标。`,
        goal,
        indicators: rows.map((row) => ({
          level1: row.level1,
          midLevel2: row.level2,
          midName: row.name,
          midValue: row.value,
          level2: row.level2,
          name: row.name,
          value: row.value,
        })),
      },
      options: { twoDecimals: false, blankZero: false },
    };
  }
  return {
    templateId: 'xiangmu-zhichu',
    values: {
      year,
      projectName,
      department,
      unit: unitText,
      attribute: i % 3 === 0 ? '新增项目' : '延续项目',
      period: '1年',
      total,
      fiscal,
      other,
      goal,
      indicators: rows,
    },
    options: { twoDecimals: false, blankZero: false },
  };
}

const seed = seedForm();

/**
 * The unit's 2019 部门整体 form of a year: the seed's text with the unit's name and money. Its 项目支出
 * covers its projects' money (`projects`, in 元), except in one unit in twenty, whose projects then
 * exceed it (the cross-form warning a receiving office looks for).
 */
export function departmentForm(unit: Unit, year: string, projects: bigint): FormData {
  const r = random(Number(year) * 7919 + Number(unit.code));
  const short = r() < 0.05;
  const project = short ? (projects * 9n) / 10n : projects + yuan(r, 100);
  const basic = yuan(r, 3000);
  const total = basic + project;
  const [govFund, specialNonTax, otherFunds] = [yuan(r, 200), yuan(r, 100), yuan(r, 300)].map((x) => (x * total) / 10_000_000n);
  const generalBudget = total - govFund - specialNonTax - otherFunds;
  return {
    ...seed,
    values: {
      ...seed.values,
      year,
      department: unit.name,
      unit: unit.name,
      total: formatUnits(total),
      generalBudget: formatUnits(generalBudget),
      govFund: formatUnits(govFund),
      specialNonTax: formatUnits(specialNonTax),
      otherFunds: formatUnits(otherFunds),
      basicExpenditure: formatUnits(basic),
      projectExpenditure: formatUnits(project),
      fillDate: `${year}-01-15`,
    },
  };
}
