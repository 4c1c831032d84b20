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

/** Field names as staff know them, for messages. */
export const FIELD_LABELS: Record<string, string> = {
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
  reason: "原因",
};
