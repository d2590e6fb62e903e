/**
 * The engine's own words for a mistake in a file (src/experiment/check.ts: a field of the wrong
 * kind, out of range, unknown, missing), in Simplified Chinese, keyed by their English templates
 * (core/template.ts). A message with no template here is shown as the engine wrote it.
 */
export const ENGINE_ZH: Readonly<Record<string, string>> = {
  "an array": "数组",
  "an object": "对象",
  missing: "缺少此项",
  "missing; {fix}": "缺少此项；{fix}",
  "unknown field; did you mean {near}?": "未知字段；是不是想写 {near}？",
  "unknown field; allowed here: {list}": "未知字段；此处可用：{list}",
  "expected an object, got {what}": "应为对象，实际是 {what}",
  "expected a number, got {what}": "应为数字，实际是 {what}",
  "expected a whole number, got {what}": "应为整数，实际是 {what}",
  "expected a string, got {what}": "应为字符串，实际是 {what}",
  "expected true or false, got {what}": "应为 true 或 false，实际是 {what}",
  "expected an array, got {what}": "应为数组，实际是 {what}",
  "must be {op} {bound}, got {what}": "必须 {op} {bound}，实际是 {what}",
  "{what} is not one of {list}": "{what} 不是以下之一：{list}",
  "needs at least {n} entries": "至少需要 {n} 项",
  "needs at least {n} entry": "至少需要 {n} 项",
};
