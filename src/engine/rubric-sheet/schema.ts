import type { BandTable } from "../bands";
import type { Rubric, RubricKind } from "../presets";
import type { ItemizedRubric, ItemTally, ModuleItem, NotAssessedMode, ScoreModule, ScoreSection, TieredRubric, WeightedRubric } from "../rubric/assessment-rubrics";
import { ITEM_TYPES, type InfoRubric, type ItemType, type RankMethod } from "../rubric/info-rubric";
import type { ColumnDef, ParamDef, TableDef, ValueType } from "./format";

/**
 * What each kind of rubric puts on its sheet: settings (参数), tables, and band tables. Each
 * codec reads a rubric into those sections and builds one back from what the reader decoded.
 */

export const KIND_LABELS: Record<RubricKind, string> = {
  info: "信息工作积分",
  weighted: "加权考核",
  itemized: "分项考核",
  tiered: "分档考核",
};

export const RANK_METHOD_LABELS: Record<RankMethod, string> = { dense: "中国式排名", competition: "竞争排名" };

/** The 基本信息 section every rubric sheet starts with. */
export const BASIC_TITLE = "基本信息";
export const BASIC_PARAMS: ParamDef[] = [
  { key: "id", label: "规则编号", type: "text", note: "英文字母、数字和连字符" },
  { key: "name", label: "规则名称", type: "text" },
  { key: "kind", label: "规则类型", type: "text", note: Object.values(KIND_LABELS).join("、") },
  { key: "rankMethod", label: "排名方式", type: "text", note: Object.values(RANK_METHOD_LABELS).join("、") },
];
export const PARAMS_TITLE = "参数";

/** A setting with how to read it off the rubric. */
export interface Param<R> extends ParamDef {
  get: (rubric: R) => unknown;
}

/** A table section with the rows a rubric puts in it. */
export interface Table<R> extends TableDef {
  rows: (rubric: R) => Record<string, unknown>[];
}

/** A decoded table row, with where each column's cell is for further checks. */
export interface RowRead {
  values: Record<string, unknown>;
  gridRow: number;
  column: (key: string) => number;
}

/** What the reader hands a codec: decoded settings, tables and bands, and a way to report. */
export interface DecodeContext {
  params: Record<string, unknown>;
  tables: Record<string, RowRead[]>;
  /** Band tables by role, in sheet order. */
  bands: Record<string, BandTable<string | number>[]>;
  error: (gridRow: number, gridColumn: number, message: string) => void;
  /** Reports a setting at its value cell. */
  paramError: (key: string, message: string) => void;
  /** Reports a whole section (its title cell). */
  sectionError: (title: string, message: string) => void;
}

export interface KindCodec<R> {
  params: Param<R>[];
  tables: Table<R>[];
  /** Band tables with their role: 等次 (grades), 抽查等次 (spot-check levels), 计分 (points by share). */
  bands: (rubric: R) => { role: BandRole; table: BandTable<string | number> }[];
  /** Roles a sheet of this kind must have exactly one of. */
  requiredBands: BandRole[];
  build: (basic: { id: string; name: string; rankMethod: RankMethod }, ctx: DecodeContext) => R | null;
}

export type BandRole = "等次" | "抽查等次" | "计分";
export const BAND_ROLES: readonly BandRole[] = ["等次", "抽查等次", "计分"];

export const BAND_TABLES: TableDef = {
  title: "分档表",
  unique: "id",
  columns: [
    { key: "id", header: "编号", type: "text" },
    { key: "role", header: "用途", type: "text" },
    { key: "name", header: "名称", type: "text" },
    { key: "measure", header: "计量", type: "text" },
    { key: "min", header: "最小值", type: "optionalNumber" },
    { key: "max", header: "最大值", type: "optionalNumber" },
  ],
};

export const BANDS: TableDef = {
  title: "分档",
  columns: [
    { key: "table", header: "分档表编号", type: "text" },
    { key: "value", header: "档次", type: "value" },
    { key: "lower", header: "下限（含）", type: "optionalNumber" },
    { key: "upper", header: "上限（不含）", type: "optionalNumber" },
  ],
};

const col = (key: string, header: string, type: ValueType): ColumnDef => ({ key, header, type });

// ---------------------------------------------------------------------------------------------
// info (RUBRICS §1–§2)

const TYPE_POINT_HEADERS: Record<ItemType, string> = { event: "事件类分值", comprehensive: "综合类分值" };

const infoCodec: KindCodec<InfoRubric> = {
  params: [
    { key: "monthlyItems", label: "每月条数", type: "number", note: "当月达到此条数得基础分", get: (r) => r.quotas.monthlyItems },
    { key: "yearlyItems", label: "全年条数", type: "number", note: "全年达到此条数得满 12 分", get: (r) => r.quotas.yearlyItems },
    { key: "quarterlyComprehensive", label: "每季度综合类条数", type: "number", get: (r) => r.quotas.quarterlyComprehensive },
    { key: "basePointsPerMonth", label: "每月基础分", type: "number", get: (r) => r.basePointsPerMonth },
    { key: "comprehensiveBonus", label: "综合类信息加分", type: "number", note: "每报送一篇综合类信息", get: (r) => r.comprehensiveBonus },
    { key: "below", label: "字数下限倍数", type: "number", note: "低于标准字数的此倍数时提示", get: (r) => r.lengthTolerance.below },
    { key: "above", label: "字数上限倍数", type: "number", get: (r) => r.lengthTolerance.above },
    { key: "penaltyRemovesEligibility", label: "扣分取消年度评优", type: "bool", get: (r) => r.penaltyRemovesEligibility },
    { key: "lateReportDays", label: "及时报送天数", type: "number", get: (r) => r.lateReportDays },
    { key: "share", label: "占年度考核比例(%)", type: "percent", note: "县级办法：五分之一", get: (r) => r.assessment.share },
    { key: "vetoLine", label: "一票否决线", type: "optionalNumber", note: "留空表示不设", get: (r) => r.assessment.vetoLine },
  ],
  tables: [
    {
      title: "信息类型",
      columns: [col("code", "代码", "text"), col("label", "名称", "text"), col("aliases", "别名", "list"), col("guidanceLength", "标准字数", "number")],
      rows: (r) => ITEM_TYPES.map((code) => ({ code, ...r.itemTypes[code] })),
    },
    {
      title: "采用渠道",
      unique: "id",
      columns: [
        col("id", "编号", "text"),
        col("name", "渠道", "text"),
        col("aliases", "别名", "list"),
        ...ITEM_TYPES.map((type) => col(type, TYPE_POINT_HEADERS[type], "points")),
      ],
      rows: (r) => r.channels.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases, ...c.points })),
    },
    {
      title: "歧义渠道",
      columns: [col("alias", "写法", "text"), col("channelIds", "可能的渠道编号", "list")],
      rows: (r) => r.ambiguousChannels.map((a) => ({ alias: a.alias, channelIds: a.channelIds })),
    },
    {
      title: "扣分",
      unique: "reason",
      columns: [col("reason", "原因", "text"), col("aliases", "别名", "list"), col("points", "每次扣分", "number")],
      rows: (r) => r.penalties.map((p) => ({ ...p })),
    },
  ],
  bands: () => [],
  requiredBands: [],
  build(basic, ctx) {
    const p = ctx.params;
    const types = ctx.tables["信息类型"];
    const itemTypes = {} as InfoRubric["itemTypes"];
    for (const row of types) {
      const code = row.values.code as string;
      if (!(ITEM_TYPES as readonly string[]).includes(code)) {
        ctx.error(row.gridRow, row.column("code"), `未知的信息类型代码「${code}」，应为 ${ITEM_TYPES.join(" 或 ")}`);
        continue;
      }
      if (itemTypes[code as ItemType]) ctx.error(row.gridRow, row.column("code"), `信息类型「${code}」重复`);
      itemTypes[code as ItemType] = { label: row.values.label as string, aliases: row.values.aliases as string[], guidanceLength: row.values.guidanceLength as number };
    }
    for (const code of ITEM_TYPES) if (!itemTypes[code]) ctx.sectionError("信息类型", `缺少信息类型「${code}」`);
    const channels = ctx.tables["采用渠道"].map((row) => ({
      id: row.values.id as string,
      name: row.values.name as string,
      aliases: row.values.aliases as string[],
      points: Object.fromEntries(ITEM_TYPES.map((t) => [t, row.values[t]])) as Record<ItemType, number | null>,
    }));
    const ids = new Set(channels.map((c) => c.id));
    for (const row of ctx.tables["歧义渠道"]) {
      for (const id of row.values.channelIds as string[]) {
        if (!ids.has(id)) ctx.error(row.gridRow, row.column("channelIds"), `歧义渠道中的渠道编号「${id}」不在采用渠道表中`);
      }
    }
    return {
      kind: "info",
      ...basic,
      itemTypes,
      lengthTolerance: { below: p.below as number, above: p.above as number },
      quotas: { monthlyItems: p.monthlyItems as number, yearlyItems: p.yearlyItems as number, quarterlyComprehensive: p.quarterlyComprehensive as number },
      basePointsPerMonth: p.basePointsPerMonth as number,
      comprehensiveBonus: p.comprehensiveBonus as number,
      channels,
      ambiguousChannels: ctx.tables["歧义渠道"].map((row) => ({ alias: row.values.alias as string, channelIds: row.values.channelIds as string[] })),
      penalties: ctx.tables["扣分"].map((row) => ({ reason: row.values.reason as string, aliases: row.values.aliases as string[], points: row.values.points as number })),
      penaltyRemovesEligibility: p.penaltyRemovesEligibility as boolean,
      lateReportDays: p.lateReportDays as number,
      rankMethod: basic.rankMethod,
      assessment: { share: p.share as number, vetoLine: p.vetoLine as number | null },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// weighted (RUBRICS §3)

/** Weights must each be ≥ 0 and add up to 100%; each bad cell is reported where it is. */
function checkWeights(rows: RowRead[], key: string, ctx: DecodeContext, title: string): void {
  let sum = 0;
  for (const row of rows) {
    const share = row.values[key] as number;
    if (share < 0) ctx.error(row.gridRow, row.column(key), `权重不能为负数：${Math.round(share * 1e6) / 1e4}%`);
    sum += Math.round(share * 1e6);
  }
  if (rows.length > 0 && sum !== 1e6) ctx.sectionError(title, `权重之和应为 100%，现为 ${sum / 1e4}%`);
}

const weightedCodec: KindCodec<WeightedRubric> = {
  params: [
    { key: "componentMax", label: "各项满分", type: "number", get: (r) => r.componentMax },
    { key: "commentMaxLength", label: "考核评语字数上限", type: "number", get: (r) => r.commentMaxLength },
    { key: "deadline", label: "材料报送截止时间", type: "optionalText", note: "如 2018-01-26 18:00；留空表示不设", get: (r) => r.deadline },
    { key: "foundingMinYears", label: "成立年限", type: "number", note: "成立不满此年数的单位不参加评优", get: (r) => r.foundingMinYears },
    { key: "alwaysAssessed", label: "不受成立年限限制的单位", type: "list", note: "单位名称含这些字即可", get: (r) => r.alwaysAssessed },
  ],
  tables: [
    {
      title: "权重",
      unique: "name",
      columns: [col("name", "考核方式", "text"), col("weight", "权重(%)", "percent")],
      rows: (r) => r.components.map((c) => ({ ...c })),
    },
  ],
  bands: (r) => [{ role: "等次", table: r.grades }],
  requiredBands: ["等次"],
  build(basic, ctx) {
    const p = ctx.params;
    const weights = ctx.tables["权重"];
    checkWeights(weights, "weight", ctx, "权重");
    if (p.deadline !== null && !/^\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2})?$/.test(p.deadline as string)) {
      ctx.sectionError(PARAMS_TITLE, `材料报送截止时间「${p.deadline}」应写成 2018-01-26 18:00 的形式`);
    }
    return {
      kind: "weighted",
      ...basic,
      components: weights.map((row) => ({ name: row.values.name as string, weight: row.values.weight as number })),
      componentMax: p.componentMax as number,
      grades: ctx.bands["等次"]?.[0] as BandTable<string>,
      commentMaxLength: p.commentMaxLength as number,
      deadline: p.deadline as string | null,
      foundingMinYears: p.foundingMinYears as number,
      alwaysAssessed: p.alwaysAssessed as string[],
      rankMethod: basic.rankMethod,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// itemized (RUBRICS §4)

/**
 * An item's rule-and-count scoring: both points given, or both blank for an item scored
 * directly. One without the other is reported at the blank cell.
 */
function readTally(row: RowRead, label: string, ctx: DecodeContext): ItemTally | null {
  const rulePoints = row.values.rulePoints as number | null;
  const perCount = row.values.perCount as number | null;
  if (rulePoints === null && perCount === null) return null;
  if (rulePoints === null || perCount === null) {
    const blank = rulePoints === null ? "rulePoints" : "perCount";
    ctx.error(row.gridRow, row.column(blank), `「${label}」按制度和会议次数计分时，“有书面制度得分”和“每次会议得分”都要填写（不按此计分则都留空）`);
    return null;
  }
  for (const key of ["rulePoints", "perCount"] as const) {
    if ((row.values[key] as number) < 0) ctx.error(row.gridRow, row.column(key), `「${label}」的计分不能为负数`);
  }
  return { rulePoints, perCount };
}

const itemizedCodec: KindCodec<ItemizedRubric> = {
  params: [
    { key: "totalMax", label: "总分满分", type: "number", get: (r) => r.totalMax },
    { key: "selfTolerance", label: "自评与考评相差上限", type: "number", get: (r) => r.selfTolerance },
    { key: "awardLine", label: "评优分数线", type: "number", note: "总分低于此线不能参与评优", get: (r) => r.awardLine },
    { key: "vetoLevel", label: "否决抽查等次", type: "text", get: (r) => r.spotChecks.vetoLevel },
    { key: "streak", label: "连续抽查次数", type: "number", get: (r) => r.spotChecks.streak },
    { key: "cappedGrade", label: "否决后最高等次", type: "text", get: (r) => r.spotChecks.cappedGrade },
    { key: "dailyPosts", label: "每日至少发布条数", type: "number", note: "公众平台和每个微信群，按周报检查", get: (r) => r.dailyPosts },
  ],
  tables: [
    {
      title: "考核部分",
      unique: "id",
      columns: [col("id", "编号", "text"), col("label", "名称", "text"), col("max", "满分", "number")],
      rows: (r) => r.sections.map((s) => ({ id: s.id, label: s.label, max: s.max })),
    },
    {
      title: "考核项目",
      unique: "id",
      columns: [
        col("section", "部分编号", "text"),
        col("id", "编号", "text"),
        col("label", "项目", "text"),
        col("aliases", "别名", "list"),
        col("max", "满分", "number"),
        col("min", "最低分", "number"),
        col("rulePoints", "有书面制度得分", "optionalNumber"),
        col("perCount", "每次会议得分", "optionalNumber"),
      ],
      rows: (r) =>
        r.sections.flatMap((s) =>
          s.items.map(({ tally, ...item }) => ({ section: s.id, ...item, rulePoints: tally?.rulePoints ?? null, perCount: tally?.perCount ?? null })),
        ),
    },
  ],
  bands: (r) => [
    { role: "等次", table: r.grades },
    { role: "抽查等次", table: r.spotChecks.levels },
    ...r.scoringBands.map((table) => ({ role: "计分" as const, table })),
  ],
  requiredBands: ["等次", "抽查等次"],
  build(basic, ctx) {
    const p = ctx.params;
    const sections: ScoreSection[] = ctx.tables["考核部分"].map((row) => ({ id: row.values.id as string, label: row.values.label as string, max: row.values.max as number, items: [] }));
    for (const row of ctx.tables["考核项目"]) {
      const section = sections.find((s) => s.id === row.values.section);
      if (!section) {
        ctx.error(row.gridRow, row.column("section"), `部分编号「${row.values.section}」不在考核部分表中`);
        continue;
      }
      const { id, label, aliases, max, min } = row.values as { id: string; label: string; aliases: string[]; max: number; min: number };
      if (min > max) ctx.error(row.gridRow, row.column("min"), `「${label}」最低分 ${min} 高于满分 ${max}`);
      if (max > section.max) ctx.error(row.gridRow, row.column("max"), `「${label}」满分 ${max} 超过所在部分满分 ${section.max}`);
      const tally = readTally(row, label, ctx);
      section.items.push({ id, label, aliases, max, min, ...(tally ? { tally } : {}) });
    }
    const grades = ctx.bands["等次"]?.[0] as BandTable<string> | undefined;
    const gradeNames = grades ? [...grades.bands.map((b) => b.value), grades.below] : [];
    if (grades && !gradeNames.includes(p.cappedGrade as string)) ctx.sectionError(PARAMS_TITLE, `否决后最高等次「${p.cappedGrade}」不是等次之一（${gradeNames.join("、")}）`);
    return {
      kind: "itemized",
      ...basic,
      totalMax: p.totalMax as number,
      sections,
      grades: grades as BandTable<string>,
      selfTolerance: p.selfTolerance as number,
      awardLine: p.awardLine as number,
      spotChecks: {
        levels: ctx.bands["抽查等次"]?.[0] as BandTable<string>,
        vetoLevel: p.vetoLevel as string,
        streak: p.streak as number,
        cappedGrade: p.cappedGrade as string,
      },
      dailyPosts: p.dailyPosts as number,
      scoringBands: (ctx.bands["计分"] ?? []) as BandTable<number>[],
      rankMethod: basic.rankMethod,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// tiered (RUBRICS §5)

export const NOT_ASSESSED_LABELS: Record<NotAssessedMode, string> = { exclude: "扣除该项满分", renormalise: "折算为满分" };

/**
 * Item maxima: each at least 0, and the set maxima of a module within the module's maximum,
 * reported at the item whose maximum goes over.
 */
function readModuleItems(rows: RowRead[], modules: ScoreModule[], ctx: DecodeContext): ModuleItem[] {
  const used = new Map<string, number>();
  const items: ModuleItem[] = [];
  for (const row of rows) {
    const { module: id, label, max, notAssessedFor } = row.values as { module: string; label: string; max: number | null; notAssessedFor: string[] };
    const module = modules.find((m) => m.id === id);
    if (!module) ctx.error(row.gridRow, row.column("module"), `模块编号「${id}」不在考核模块表中`);
    if (max !== null && max < 0) ctx.error(row.gridRow, row.column("max"), `「${label}」满分不能为负数`);
    else if (module && max !== null) {
      const sum = (used.get(id) ?? 0) + Math.round(max * 100);
      used.set(id, sum);
      if (sum > Math.round(module.max * 100)) ctx.error(row.gridRow, row.column("max"), `「${module.label}」各项目满分合计 ${sum / 100} 超过该模块满分 ${module.max}`);
    }
    items.push({ module: id, label, max, notAssessedFor });
  }
  return items;
}

/** The document cuts the ranking into 4–5 tiers (档次). */
export const TIER_COUNT = { min: 4, max: 5 };

/**
 * 4–5 tiers; their unit shares either all blank (near-equal sizes) or all given, each above 0
 * and together 100%. A blank among given shares is reported at its cell, since a silent
 * near-equal split would not be what the office wrote.
 */
function checkTiers(rows: RowRead[], ctx: DecodeContext): void {
  if (rows.length < TIER_COUNT.min || rows.length > TIER_COUNT.max) {
    ctx.sectionError("档次", `应分为 ${TIER_COUNT.min}–${TIER_COUNT.max} 个档次，现为 ${rows.length} 个`);
  }
  const given = rows.filter((row) => row.values.share !== null);
  if (given.length === 0) return;
  for (const row of rows) {
    const share = row.values.share as number | null;
    if (share === null) ctx.error(row.gridRow, row.column("share"), `第 ${row.values.tier} 档的单位比例为空：各档比例应全部填写（合计 100%），或全部留空表示各档人数大致相等`);
    else if (share <= 0) ctx.error(row.gridRow, row.column("share"), `第 ${row.values.tier} 档的单位比例应大于 0，现为 ${Math.round(share * 1e6) / 1e4}%`);
  }
  const sum = given.reduce((s, row) => s + Math.round((row.values.share as number) * 1e6), 0);
  if (given.length === rows.length && sum !== 1e6) ctx.sectionError("档次", `各档单位比例之和应为 100%，现为 ${sum / 1e4}%`);
}

const tieredCodec: KindCodec<TieredRubric> = {
  params: [
    { key: "evaluationsPerTerm", label: "届期内考评次数", type: "number", get: (r) => r.evaluationsPerTerm },
    { key: "odd", label: "单数年考评月", type: "number", get: (r) => r.evaluationMonths.odd },
    { key: "even", label: "双数年考评月", type: "number", get: (r) => r.evaluationMonths.even },
    { key: "quotaMultiplier", label: "达标数量倍数", type: "number", note: "达标数量 = 名额基数 × 此倍数", get: (r) => r.quotaMultiplier },
    { key: "nonPublicMin", label: "非公集体至少", type: "number", get: (r) => r.nonPublicMin },
    {
      key: "notAssessed",
      label: "不考察项目的处理",
      type: "text",
      note: `${NOT_ASSESSED_LABELS.exclude}（总分按减去该项后的满分计）或${NOT_ASSESSED_LABELS.renormalise}（总分按比例折回满分）`,
      get: (r) => NOT_ASSESSED_LABELS[r.notAssessed],
    },
  ],
  tables: [
    {
      title: "考核模块",
      unique: "id",
      columns: [col("id", "编号", "text"), col("label", "名称", "text"), col("max", "满分", "number"), col("min", "最低分", "optionalNumber")],
      rows: (r) => r.modules.map((m) => ({ ...m })),
    },
    {
      title: "模块项目",
      unique: "label",
      columns: [col("module", "模块编号", "text"), col("label", "项目", "text"), col("max", "满分", "optionalNumber"), col("notAssessedFor", "不考察的单位类别", "list")],
      rows: (r) => r.items.map((item) => ({ ...item })),
    },
    {
      title: "档次",
      columns: [col("tier", "档次", "number"), col("quotaAdjustment", "名额调整(%)", "percent"), col("share", "单位比例(%)", "optionalPercent")],
      rows: (r) => r.tiers.map((t) => ({ ...t })),
    },
    {
      title: "名额",
      unique: "unit",
      columns: [col("unit", "单位", "text"), col("base", "名额基数", "number")],
      rows: (r) => r.quotas.map((q) => ({ ...q })),
    },
  ],
  bands: () => [],
  requiredBands: [],
  build(basic, ctx) {
    const p = ctx.params;
    const tiers = ctx.tables["档次"];
    tiers.forEach((row, i) => {
      if (row.values.tier !== i + 1) ctx.error(row.gridRow, row.column("tier"), `档次应从 1 起依次编号，此处应为 ${i + 1}`);
    });
    checkTiers(tiers, ctx);
    for (const key of ["odd", "even"] as const) {
      const month = p[key] as number;
      if (!Number.isInteger(month) || month < 1 || month > 12) ctx.sectionError(PARAMS_TITLE, `考评月「${month}」应为 1–12 的整数`);
    }
    const modules = ctx.tables["考核模块"].map((row) => ({ id: row.values.id as string, label: row.values.label as string, max: row.values.max as number, min: row.values.min as number | null }));
    const notAssessed = (Object.keys(NOT_ASSESSED_LABELS) as NotAssessedMode[]).find((mode) => NOT_ASSESSED_LABELS[mode] === p.notAssessed || mode === p.notAssessed);
    if (p.notAssessed !== undefined && !notAssessed) {
      ctx.paramError("notAssessed", `未知的处理方式「${p.notAssessed}」，应为“${NOT_ASSESSED_LABELS.exclude}”或“${NOT_ASSESSED_LABELS.renormalise}”`);
    }
    return {
      kind: "tiered",
      ...basic,
      modules,
      items: readModuleItems(ctx.tables["模块项目"], modules, ctx),
      notAssessed: notAssessed ?? "exclude",
      evaluationsPerTerm: p.evaluationsPerTerm as number,
      evaluationMonths: { odd: p.odd as number, even: p.even as number },
      tiers: tiers.map((row) => ({ tier: row.values.tier as number, quotaAdjustment: row.values.quotaAdjustment as number, share: row.values.share as number | null })),
      quotaMultiplier: p.quotaMultiplier as number,
      quotas: ctx.tables["名额"].map((row) => ({ unit: row.values.unit as string, base: row.values.base as number })),
      nonPublicMin: p.nonPublicMin as number,
      rankMethod: basic.rankMethod,
    };
  },
};

export const CODECS: { [K in RubricKind]: KindCodec<Extract<Rubric, { kind: K }>> } = {
  info: infoCodec,
  weighted: weightedCodec,
  itemized: itemizedCodec,
  tiered: tieredCodec,
};
