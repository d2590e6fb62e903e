/** A CSV file's problems (src/data/csv-problem.ts) in Simplified Chinese: the same data the CLI words in English. */
import type { CsvPlace, CsvProblem } from "../../data/csv-problem.ts";

const q = (s: string): string => JSON.stringify(s);
const list = (names: readonly string[]): string => names.map(q).join("、");
const ROLE = { target: "目标", feature: "特征", split: "划分" } as const;

export function csvProblemZh(p: CsvProblem): string {
  switch (p.code) {
    case "empty":
      return "是空的（需要一个给出各列名称的表头行）";
    case "rowCells":
      return `有 ${p.cells} 个单元格，而表头有 ${p.header} 个`;
    case "emptyCell":
      return "单元格是空的";
    case "notSplit":
      return `${q(p.value)} 既不是 "train" 也不是 "test"`;
    case "noRows":
      return "只有表头，没有数据行";
    case "noTrainRow":
      return `${q(p.column)} 列中没有一行标为 "train"`;
    case "strayCell":
      return `${q(p.value)} 不是数字，而这一列的其他单元格都是${p.several ? "（几个目标列都是数字）" : ""}：请修改或删除这一行`;
    case "notNumber":
      return `${q(p.value)} 不是数字`;
    case "openQuote":
      return `这里有一个引号 (") 开始后始终没有闭合：请闭合或删除它`;
    case "invalid":
      return `不是有效的 CSV：${p.detail}`;
    case "separator":
      return `只有一列，列名之间用${p.separator === ";" ? '";"' : "制表符"}分隔：Glassbox 读取用逗号分隔的值（请用逗号分隔单元格后再保存）`;
    case "emptyName":
      return "表头中有一列没有名称";
    case "nameTwice":
      return `表头中 ${q(p.name)} 列出现了两次`;
    case "notFound":
      return `找不到${ROLE[p.role]}列 ${q(p.name)}；文件中的列是 ${list(p.columns)}`;
    case "listedTwice":
      return `${ROLE[p.role]}列 ${q(p.name)} 列出了两次`;
    case "targetIsSplit":
      return `${q(p.name)} 列不能既是目标列又是划分列`;
    case "notFeature":
      return `${q(p.name)} 列不能作为特征：它是${p.is === "target" ? "目标列" : "划分列"}`;
    case "noFeatures":
      return `没有特征列（文件中的列是 ${list(p.columns)}）`;
    case "missingColumns":
      return `模型需要 ${list(p.missing)} 列；文件中的列是 ${list(p.columns)}`;
  }
}

export function csvPlaceZh(p: CsvPlace): string {
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file} 第 ${p.line} 行` : `${p.file} 第 ${p.line} 行 ${q(p.column)} 列`;
}
