/**
 * The ONNX files Glassbox writes, committed so that scripts/reference/torch_onnx.py can run
 * onnx.checker on them (test/interop/onnx.test.ts checks the exporter still writes these bytes):
 *
 *   glassbox-binary-f32.onnx / -f64.onnx   the scikit-learn binary fixture (scaler, string classes)
 *   glassbox-multiclass-f32.onnx           the scikit-learn iris fixture (softmax)
 *   glassbox-regression2-f64.onnx          the two-output regressor (linear layers)
 *
 * Rerun from the repository root:  npx tsx scripts/reference/glassbox_onnx.ts [--update]
 * (writes into a temporary folder and compares with the committed files, changing nothing;
 * --update rewrites them: scripts/reference/fixtures.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { modelToOnnx } from "../../src/interop/onnx.ts";
import { sklearnToModelJson } from "../../src/interop/sklearn.ts";
import { modelFromJson } from "../../src/nn/serialize.ts";
import { finish, fixture } from "./fixtures.ts";

const DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "interop");
export const GLASSBOX_ONNX: [file: string, source: string, dtype: "float32" | "float64"][] = [
  ["glassbox-binary-f32.onnx", "sklearn-binary.json", "float32"],
  ["glassbox-binary-f64.onnx", "sklearn-binary.json", "float64"],
  ["glassbox-multiclass-f32.onnx", "sklearn-multiclass.json", "float32"],
  ["glassbox-regression2-f64.onnx", "sklearn-regression2.json", "float64"],
];

if (process.argv[1]?.endsWith("glassbox_onnx.ts")) {
  for (const [file, source, dtype] of GLASSBOX_ONNX) {
    const model = modelFromJson(sklearnToModelJson(JSON.parse(readFileSync(join(DIR, source), "utf8"))));
    writeFileSync(fixture(join(DIR, file)), modelToOnnx(model, { dtype }));
  }
  finish();
}
