/**
 * Interop: models trained elsewhere in, Glassbox models out. Each converter goes between a
 * format's content (parsed JSON, bytes) and the model file of ARCHITECTURE §4; nothing here reads or
 * writes files (the CLI does), so the same code runs in the page.
 */
export { sklearnToModelJson, modelToSklearn, type SklearnMlpJson } from "./sklearn.ts";
export { tfjsToModelJson, modelToTfjs, tfjsWeightPaths, foldScaler, TFJS_WEIGHTS_FILE, type TfjsModelJson, type GlassboxMetadata } from "./tfjs.ts";
export { onnxToModelJson, modelToOnnx, decodeOnnx, ONNX_IR_VERSION, ONNX_OPSET, type OnnxExportOptions, type OnnxModel } from "./onnx.ts";

export const IMPORT_FORMATS = ["sklearn", "tfjs", "onnx"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Model formats, then training scripts (`pytorch`: of an experiment file). */
export const EXPORT_FORMATS = ["tfjs", "onnx", "sklearn", "pytorch"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { experimentToPytorch } from "./pytorch.ts";
