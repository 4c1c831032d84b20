import type { Field } from "./tables";

/**
 * Every message staff read, in one catalogue (Chinese first). Rules refer to messages by id,
 * so wording can be reviewed and changed in one place.
 */
export const MESSAGES = {
  missingField: (field: string) => `${field}为空`,
  unknownUnit: (name: string) => `单位「${name}」不在单位名单中`,
  unknownUnitSuggestion: (names: string[]) => (names.length ? `是否为：${names.join("、")}` : "请核对单位名单"),
  badType: (text: string, labels: string[]) => `信息类型「${text}」无法识别，应为${labels.join("或")}`,
  badDate: (text: string) => `日期「${text}」无法识别`,
  impossibleDate: (text: string) => `日期「${text}」不存在`,
  unknownChannel: (text: string) => `采用渠道「${text}」不在规则中，未计分`,
  ambiguousChannel: (text: string, names: string[]) => `采用渠道「${text}」有歧义，可能是${names.join("或")}，未计分`,
  channelTypeMismatch: (channel: string, typeLabel: string) => `${channel}不采用${typeLabel}信息，该采用记 0 分，可能是录入错误`,
  badViolation: (text: string, reasons: string[]) => `违规情况「${text}」不是扣分原因之一（${reasons.join("、")}）`,
  noTable: (what: string) => `未找到${what}：请检查表头`,
} as const;

/** Field names as staff know them: in messages, and as the pane's Chinese column labels. */
export const FIELD_LABELS: Record<Field, string> = {
  unit: "单位",
  date: "报送日期",
  type: "信息类型",
  title: "标题",
  length: "字数",
  body: "正文",
  adoptions: "采用情况",
  eventDate: "活动日期",
  violation: "违规情况",
  system: "系统",
  code: "代码",
  founded: "成立日期",
  reason: "原因",
  note: "备注",
};

/** Messages of the validation rules (src/engine/validate), in the same voice as above. */
export const VALIDATION_MESSAGES = {
  futureDate: (field: string, text: string, today: string) => `${field}「${text}」晚于今天（${today}）`,
  badEventDate: (text: string) => `活动日期「${text}」无法识别，未检查报送时效`,
  lateReport: (days: number, eventDay: string, limit: number) => `事件类信息在活动（${eventDay}）后 ${days} 天才报送，超过 ${limit} 天的时限`,
  eventAfterReport: (eventDay: string, reportDay: string) => `活动日期 ${eventDay} 晚于报送日期 ${reportDay}，可能是录入错误`,
  badLength: (text: string) => `字数「${text}」不是数字`,
  badLengthSuggestion: "只填数字，如 400",
  lengthOutOfRange: (length: number, typeLabel: string, guidance: number, min: number, max: number) =>
    `篇幅 ${length} 字，${typeLabel}信息参考篇幅约 ${guidance} 字，应在 ${min}–${max} 字之间`,
  duplicateItem: (what: "title" | "body" | "both", row: number) =>
    `${what === "both" ? "标题和正文" : what === "title" ? "标题" : "正文"}与本单位第 ${row} 行相同，疑似重复信息`,
  duplicateItemSuggestion: "核实后删除重复的一条，或在违规情况中记“重复信息”",
  nearDuplicate: (row: number, unit: string, percent: number, passage: string, sameUnit: boolean, others: number) =>
    `正文约 ${percent}% 与第 ${row} 行（${unit}）相同${others > 0 ? `（另有 ${others} 条相似）` : ""}，` +
    `疑似${sameUnit ? "重复" : "抄袭"}信息。相同段落：「${passage}」`,
  nearDuplicateSuggestion: "请人工核实；确认后在违规情况中记“抄袭信息”",
  unitNameVariant: (written: string, rosterName: string) => `单位「${written}」按团组织后缀匹配到名单中的「${rosterName}」`,
  unitNameVariantSuggestion: (rosterName: string) => `建议改为名单写法「${rosterName}」`,
  monthlyShortfall: (unit: string, period: string, count: number, quota: number) => `${unit}${period}报送 ${count} 条，少于每月 ${quota} 条`,
  quarterlyShortfall: (unit: string, period: string, count: number, quota: number) =>
    `${unit}${period}报送综合类信息 ${count} 条，少于每季度 ${quota} 条`,
  repeatedHeader: (headerRow: number) => `此行与第 ${headerRow} 行表头相同，是重复的表头，已跳过`,
  repeatedHeaderSuggestion: "删除此行",
  mergedCells: (range: string) => `表格内有合并单元格 ${range}：只有左上角有值，其余行读作空白`,
  mergedCellsSuggestion: "取消合并，并在每一行填上值",
} as const;
