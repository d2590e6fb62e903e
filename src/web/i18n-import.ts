/**
 * The page's words for importing a model, choosing a CSV's columns and the step inspector's
 * hover arithmetic, in English and Simplified Chinese (merged into i18n.ts's catalogues).
 */
export const IMPORT_EN = {
  // Importing a model.
  "import.heading": "Imported model",
  "import.format.glassbox": "Glassbox model",
  "import.format.sklearn": "scikit-learn MLP",
  "import.format.tfjs": "TensorFlow.js layers model",
  "import.format.onnx": "ONNX graph",
  "import.summary": "{file} ({format}): {shape}, {what}",
  "import.classes": "classes {classes}",
  "import.regression": "regression",
  "import.scaler": "with its own scaler",
  "import.overPlayground": "Drawn over the Playground's dataset (pick another on the left); training continues from the imported weights.",
  "import.overFile": "Drawn over the opened file's data; training continues from the imported weights.",
  "import.overCsv": "Drawn over {file}, chosen with the model; training continues from the imported weights.",
  "import.diagramOnly": "Only its diagram and weights are shown: the page's data does not fit it (see the output column).",
  "import.close": "Close the model",
  "import.close.title": "Back to the network the page trains itself",
  "import.failed": "Cannot import {file}: {problem} — the page is unchanged.",
  "import.missingWeights": "{file} keeps its weights in {weights}: choose or drop both files together — the page is unchanged.",
  "import.noFit": "This model reads {n} input columns ({names}) and the page's data has {have}, so only its diagram and weights are shown. To see its output, hidden space and step inspector, and to train it, open a CSV with those columns together with the model file.",
  "import.noFitLabels": "This model's outputs ({what}) do not fit the targets of the page's data, so only its diagram and weights are shown. Open a CSV with its columns and target together with the model file to see the rest and to train it.",
  "import.viewsNeedData": "Look inside needs data the model can read.",
  "import.wideOutput": "This model reads {n} inputs, so its output cannot be drawn over a plane; the diagram's weights, the step inspector, the loss curves and the hidden space below show what it does.",

  // Choosing a CSV's columns.
  "csv.heading": "Columns of {file}",
  "csv.rows": "{n} rows",
  "csv.column": "Column",
  "csv.feature": "Feature",
  "csv.target": "Target",
  "csv.featureOf": "use {column} as a feature",
  "csv.targetOf": "predict {column}",
  "csv.apply": "Train on these columns",
  "csv.hint": "Tick the feature columns and choose the target; the network is sized for them.",
  "csv.noFeature": "Choose at least one feature column besides the target — nothing was changed.",
  "csv.oneClass": "{file}: column \"{column}\" holds the same value ({value}) on every line (2–{last}); a target needs two classes or more — choose another target. Nothing was changed.",

  // The step inspector's hover.
  "steps.more": "{n} more terms",
  "steps.penalty": "penalty",
  "steps.optimizerStep": "{optimizer} step",
  "steps.picture.aria": "the step's matrices: the arrow keys choose a cell of the computed matrix",
  "steps.arithmetic.title": "How the highlighted cell was computed, with this iteration's numbers",
  "steps.hoverHint": "Hover a cell of the computed matrix (or focus the picture and use the arrow keys) to see its arithmetic.",
} as const;

export type ImportMessageKey = keyof typeof IMPORT_EN;

export const IMPORT_ZH: Record<ImportMessageKey, string> = {
  "import.heading": "导入的模型",
  "import.format.glassbox": "Glassbox 模型",
  "import.format.sklearn": "scikit-learn 多层感知机",
  "import.format.tfjs": "TensorFlow.js 层模型",
  "import.format.onnx": "ONNX 计算图",
  "import.summary": "{file}（{format}）：{shape}，{what}",
  "import.classes": "类别 {classes}",
  "import.regression": "回归",
  "import.scaler": "带有自己的标准化器",
  "import.overPlayground": "画在游乐场的数据集上（可在左侧换一个）；训练从导入的权重继续。",
  "import.overFile": "画在已打开文件的数据上；训练从导入的权重继续。",
  "import.overCsv": "画在与模型一起选择的 {file} 上；训练从导入的权重继续。",
  "import.diagramOnly": "只显示它的结构图和权重：页面的数据与它不相符（见输出栏）。",
  "import.close": "关闭模型",
  "import.close.title": "回到页面自己训练的网络",
  "import.failed": "无法导入 {file}：{problem} —— 页面未作任何改动。",
  "import.missingWeights": "{file} 的权重保存在 {weights} 中：请同时选择或拖入这两个文件 —— 页面未作任何改动。",
  "import.noFit": "此模型读取 {n} 个输入列（{names}），而页面的数据有 {have} 列，因此只显示它的结构图和权重。若要查看它的输出、隐藏空间和单步检视并继续训练，请把含有这些列的 CSV 与模型文件一起打开。",
  "import.noFitLabels": "此模型的输出（{what}）与页面数据的目标不相符，因此只显示它的结构图和权重。请把含有其输入列和目标列的 CSV 与模型文件一起打开，以查看其余部分并训练它。",
  "import.viewsNeedData": "“深入查看”需要模型能读取的数据。",
  "import.wideOutput": "此模型读取 {n} 个输入，无法在平面上画出它的输出；结构图中的权重、单步检视、损失曲线和下方的隐藏空间展示了它的作用。",

  "csv.heading": "{file} 的列",
  "csv.rows": "{n} 行",
  "csv.column": "列",
  "csv.feature": "特征",
  "csv.target": "目标",
  "csv.featureOf": "把 {column} 用作特征",
  "csv.targetOf": "预测 {column}",
  "csv.apply": "用这些列训练",
  "csv.hint": "勾选特征列并选择目标列；网络会按它们调整大小。",
  "csv.noFeature": "除目标列外，请至少选择一个特征列 —— 未作任何改动。",
  "csv.oneClass": "{file}：列“{column}”在每一行（第 2–{last} 行）都是同一个值（{value}）；目标至少需要两个类别 —— 请换一个目标列。未作任何改动。",

  "steps.more": "另有 {n} 项",
  "steps.penalty": "正则项",
  "steps.optimizerStep": "{optimizer} 的一步",
  "steps.picture.aria": "这一步的矩阵：用方向键选择计算结果矩阵中的单元格",
  "steps.arithmetic.title": "高亮单元格的计算过程，使用本次迭代的数值",
  "steps.hoverHint": "把鼠标移到计算结果矩阵的单元格上（或聚焦图片后用方向键），即可看到它的算式。",
};
