/**
 * Every string the task pane shows, one catalogue per language. zh-CN is the source; the
 * English catalogue must have exactly the same keys (the type enforces it), so no screen can
 * show a key without a translation.
 */
import { FIELD_LABELS } from "../../engine/messages";

const zh = {
  appTitle: "共青团积分助手",
  previewBadge: "预览模式",
  previewNote: "未在 Excel 中打开：正在使用内置示例工作簿（含若干预置问题）演示。",
  languageToggle: "English",
  tabValidate: "校验",
  tabRank: "排名",
  tabRubric: "规则",
  loading: "正在加载…",
  cancel: "取消",
  cancelled: "已取消。",
  failed: (reason: string) => `操作失败：${reason}`,
  readingSheets: (done: number, total: number) => (total ? `正在读取工作表：${done} / ${total} 行` : "正在读取工作表…"),
  working: "正在计算…",

  // Tables and column mapping
  tablesTitle: "表格与列",
  tableRegister: "信息报送登记表",
  tableRoster: "单位名单",
  tablePenalties: "扣分记录",
  tableFoundAt: (sheet: string, row: number) => `工作表「${sheet}」，表头在第 ${row} 行`,
  tableMissing: "未找到",
  refreshTables: "重新查找",
  columnNone: "（无）",
  columnLabel: (letter: string, header: string) => `${letter} 列：${header || "（空表头）"}`,
  mappingSaved: "列对应已保存到工作簿。",
  resetMapping: "恢复自动识别",
  fieldNames: FIELD_LABELS as Record<string, string>,

  // Validation
  runCheck: "开始校验",
  checking: "正在校验…",
  noIssues: "未发现问题。",
  summary: (errors: number, warnings: number, infos: number, rows: number) =>
    `检查了 ${rows} 行：${errors} 个错误，${warnings} 个警告，${infos} 条提示。`,
  summaryUnits: (errors: number, warnings: number, infos: number, units: number) =>
    `考核了 ${units} 个单位：${errors} 个错误，${warnings} 个警告，${infos} 条提示。`,
  stoppedEarly: "校验已中止，以下为中止前发现的问题。",
  severityNames: { error: "错误", warning: "警告", info: "提示" } as Record<string, string>,
  ruleCount: (n: number) => `${n} 处`,
  moreIssues: (n: number) => `另有 ${n} 处未列出，请写入报告查看全部。`,
  issueAt: (sheet: string, cell: string) => `${sheet}!${cell}`,
  issueUnit: (unit: string, period: string) => `${unit} · ${period}`,
  highlight: "标出问题单元格",
  clearHighlight: "清除标记",
  highlighted: (n: number) => `已标出 ${n} 个单元格。`,
  writeReport: "写入校验报告",
  reportWritten: (sheet: string) => `已写入工作表「${sheet}」。`,
  openSheet: (sheet: string) => `打开「${sheet}」`,
  addInputRules: "添加录入下拉框",
  removeInputRules: "移除录入下拉框",
  inputRulesAdded: (n: number) => `已为 ${n} 个区域添加下拉框。`,
  inputRulesRemoved: "已移除本插件添加的下拉框。",

  // Ranking
  rubricLabel: "规则",
  periodLabel: "期间",
  periodHint: "如 2013、2013Q1、2013-03；留空为登记表中最近的年份",
  periodUnreadable: (period: string) => `期间「${period}」无法识别，应为 2013、2013Q1 或 2013-03`,
  summaryPeriod: (period: string) => `期间：${period}。`,
  methodLabel: "排名方法",
  methodDense: "中国式排名（1、2、2、3）",
  methodCompetition: "竞争排名（1、2、2、4）",
  tiesLabel: "并列名次显示",
  tiesMerge: "合并单元格",
  tiesRepeat: "重复名次",
  tiesLabelStyle: "并列第N",
  extraColumnsLabel: "附加列",
  extraBase: "基础分",
  extraBonus: "加分",
  extraPenalty: "扣分",
  overallLabel: "包含总排名",
  organisationLabel: "组织名称（标题用）",
  previewTitle: (period: string) => `${period}排名预览（每个系统前几名）`,
  previewRank: "排名",
  previewUnit: "单位名称",
  previewScore: "得分",
  previewAllUnits: "全部单位",
  incomplete: "未完成",
  generate: "生成排名表",
  generating: "正在生成排名表…",
  confirmReplaceTitle: "替换已有的排名表？",
  confirmReplaceBody: (sheets: string) => `以下由本插件生成的工作表将被替换：${sheets}。您自己的工作表不会被改动。`,
  confirmReplace: "替换",
  generated: (sheets: string) => `已生成：${sheets}`,

  // Rubric
  rubricPickerLabel: "当前规则",
  rubricPresetGroup: "内置规则",
  rubricSheetGroup: "工作簿中的规则表",
  rubricSheetOption: (sheet: string) => `规则表「${sheet}」`,
  rubricSaved: (name: string) => `已选用「${name}」，并保存到工作簿。`,
  rubricSheetIssues: (n: number) => `规则表中有 ${n} 个问题，请先修正：`,
  insertRubricSheet: "插入规则表",
  rubricSheetWritten: (sheet: string) => `已插入规则表「${sheet}」，可直接在表中修改。`,
  rubricSheetUnavailable: "规则表写入功能尚不可用。",
  rubricKinds: { info: "信息工作积分", weighted: "加权考核", itemized: "分项评分", tiered: "分档考核" } as Record<string, string>,

  // Preview grid
  gridSelection: (sheet: string, cell: string) => `选中：${sheet}!${cell}`,
  gridNoSelection: "未选中单元格",
  gridOwned: "插件生成",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "League Scoring",
  previewBadge: "Preview",
  previewNote: "Not running in Excel: showing the bundled sample workbook, which has a few planted problems.",
  languageToggle: "中文",
  tabValidate: "Validate",
  tabRank: "Ranking",
  tabRubric: "Rubric",
  loading: "Loading…",
  cancel: "Cancel",
  cancelled: "Cancelled.",
  failed: (reason) => `Failed: ${reason}`,
  readingSheets: (done, total) => (total ? `Reading sheets: ${done} / ${total} rows` : "Reading sheets…"),
  working: "Working…",

  tablesTitle: "Tables and columns",
  tableRegister: "Submissions register",
  tableRoster: "Roster",
  tablePenalties: "Penalties",
  tableFoundAt: (sheet, row) => `Sheet "${sheet}", header in row ${row}`,
  tableMissing: "Not found",
  refreshTables: "Find again",
  columnNone: "(none)",
  columnLabel: (letter, header) => `Column ${letter}: ${header || "(blank header)"}`,
  mappingSaved: "Column mapping saved in the workbook.",
  resetMapping: "Back to automatic",
  fieldNames: {
    unit: "Unit",
    date: "Report date",
    type: "Type",
    title: "Title",
    length: "Length",
    body: "Body",
    adoptions: "Adoptions",
    eventDate: "Event date",
    violation: "Violation",
    system: "System",
    code: "Code",
    founded: "Founded",
    reason: "Reason",
    note: "Note",
  },

  runCheck: "Run check",
  checking: "Checking…",
  noIssues: "No problems found.",
  summary: (errors, warnings, infos, rows) => `${rows} rows checked: ${errors} errors, ${warnings} warnings, ${infos} notes.`,
  summaryUnits: (errors, warnings, infos, units) => `${units} units assessed: ${errors} errors, ${warnings} warnings, ${infos} notes.`,
  stoppedEarly: "The check was stopped; these are the problems found until then.",
  severityNames: { error: "Error", warning: "Warning", info: "Note" },
  ruleCount: (n) => `${n}`,
  moreIssues: (n) => `${n} more not listed; write the report to see them all.`,
  issueAt: (sheet, cell) => `${sheet}!${cell}`,
  issueUnit: (unit, period) => `${unit} · ${period}`,
  highlight: "Highlight",
  clearHighlight: "Clear",
  highlighted: (n) => `${n} cells highlighted.`,
  writeReport: "Write report",
  reportWritten: (sheet) => `Written to sheet "${sheet}".`,
  openSheet: (sheet) => `Open "${sheet}"`,
  addInputRules: "Add entry dropdowns",
  removeInputRules: "Remove entry dropdowns",
  inputRulesAdded: (n) => `Dropdowns added to ${n} ranges.`,
  inputRulesRemoved: "The add-in's dropdowns were removed.",

  rubricLabel: "Rubric",
  periodLabel: "Period",
  periodHint: "e.g. 2013, 2013Q1, 2013-03; blank for the latest year in the register",
  periodUnreadable: (period) => `The period "${period}" cannot be read: write 2013, 2013Q1 or 2013-03`,
  summaryPeriod: (period) => `Period: ${period}. `,
  methodLabel: "Rank method",
  methodDense: "Dense (1, 2, 2, 3)",
  methodCompetition: "Competition (1, 2, 2, 4)",
  tiesLabel: "Tied ranks",
  tiesMerge: "Merged cell",
  tiesRepeat: "Repeat the number",
  tiesLabelStyle: "并列第N label",
  extraColumnsLabel: "Extra columns",
  extraBase: "Base points",
  extraBonus: "Bonus",
  extraPenalty: "Penalty",
  overallLabel: "Include the overall table",
  organisationLabel: "Organisation (for the title)",
  previewTitle: (period) => `${period}: first rows of each system`,
  previewRank: "Rank",
  previewUnit: "Unit",
  previewScore: "Score",
  previewAllUnits: "All units",
  incomplete: "Incomplete",
  generate: "Generate ranking sheets",
  generating: "Generating…",
  confirmReplaceTitle: "Replace the existing ranking sheets?",
  confirmReplaceBody: (sheets) => `These sheets, generated by the add-in, will be replaced: ${sheets}. Your own sheets are not touched.`,
  confirmReplace: "Replace",
  generated: (sheets) => `Generated: ${sheets}`,

  rubricPickerLabel: "Rubric in use",
  rubricPresetGroup: "Presets",
  rubricSheetGroup: "Rubric sheets in this workbook",
  rubricSheetOption: (sheet) => `Rubric sheet "${sheet}"`,
  rubricSaved: (name) => `Using "${name}"; saved in the workbook.`,
  rubricSheetIssues: (n) => `The rubric sheet has ${n} problems to fix first:`,
  insertRubricSheet: "Insert rubric sheet",
  rubricSheetWritten: (sheet) => `Rubric sheet "${sheet}" inserted; edit it in place.`,
  rubricSheetUnavailable: "Writing rubric sheets is not available yet.",
  rubricKinds: { info: "Information work", weighted: "Weighted assessment", itemized: "Itemised score", tiered: "Tiers" },

  gridSelection: (sheet, cell) => `Selected: ${sheet}!${cell}`,
  gridNoSelection: "No cell selected",
  gridOwned: "generated",
};

export type Language = "zh" | "en";

export const CATALOGUES: Record<Language, Strings> = { zh, en };

/**
 * The catalogue for a display-language tag: Chinese for any zh tag (and when no language is
 * known, since the users read Chinese), English for every other language.
 * @example languageOf("zh-CN") // "zh"
 * @example languageOf("en-GB") // "en"
 */
export function languageOf(tag: string | undefined | null): Language {
  if (!tag || !tag.trim()) return "zh";
  return /^zh(?:$|[-_])/i.test(tag.trim()) ? "zh" : "en";
}
