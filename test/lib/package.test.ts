/**
 * The package as another project sees it: `npm pack` of a copy of the package's files (which
 * builds dist/lib and dist/cli there through `prepare`),
 * unpacked into a fresh project's node_modules, imported by plain Node (no TypeScript loader) and
 * type-checked by a strict tsc. Offline: the package's own dependencies are this checkout's
 * node_modules, linked beside it, instead of a registry install.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
let dir = "";
let app = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "glassbox-pack-"));
  // Packed from a copy of what the package is made of, so that `prepare` builds there: rebuilding
  // this checkout's dist/ would pull it from under the tests running beside this one.
  const copy = join(dir, "source");
  const pkgJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
  for (const f of ["package.json", ...pkgJson.files.filter((f) => !f.startsWith("dist/"))]) cpSync(join(root, f), join(copy, f), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const name = execFileSync(npm, ["pack", "--pack-destination", dir, "--silent"], { cwd: copy, encoding: "utf8" }).trim().split("\n").pop()!;
  app = join(dir, "app");
  const pkg = join(app, "node_modules", "glassbox");
  mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, name), "-C", pkg, "--strip-components=1"]);
  symlinkSync(join(root, "node_modules"), join(pkg, "node_modules"), "dir");
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed library", () => {
  it("trains the one-feature example from plain Node ESM", () => {
    writeFileSync(join(app, "experiment.json"), readFileSync(join(root, "examples", "one-feature.json")));
    writeFileSync(
      join(app, "main.mjs"),
      `import { readFileSync } from "node:fs";
import { validateExperiment, prepareExperiment, runExperiment, evaluate, svgToPng } from "glassbox";
const prepared = prepareExperiment(validateExperiment(JSON.parse(readFileSync("experiment.json", "utf8"))), () => "");
const { result } = runExperiment(prepared, { epochs: 5000 });
const { model, data } = prepared;
const final = evaluate(model, data.X.data, data.Y, data.X.rows);
console.log(JSON.stringify({ epochs: result.epochs, accuracy: final.accuracy, loss: final.loss, png: typeof svgToPng }));
`,
    );
    const out = execFileSync(process.execPath, ["main.mjs"], { cwd: app, encoding: "utf8" });
    const r = JSON.parse(out.trim().split("\n").pop()!);
    expect(r.epochs).toBe(5000);
    expect(r.accuracy).toBe(1);
    expect(r.png).toBe("function");
  });

  it("runs the glassbox command from its compiled build, current in the package", () => {
    const pkg = join(app, "node_modules", "glassbox");
    const build = JSON.parse(readFileSync(join(pkg, "dist", "cli", "build.json"), "utf8")) as { builtAt: number; inputs: string[] };
    expect(build.inputs).toContain("src/cli/main.ts");
    // what bin/glassbox.js checks: every source the build was made from is older than it
    for (const f of build.inputs) expect(statSync(join(pkg, f)).mtimeMs).toBeLessThanOrEqual(build.builtAt);
    writeFileSync(join(app, "one.json"), readFileSync(join(root, "examples", "one-feature.json")));
    const out = execFileSync(process.execPath, [join(pkg, "bin", "glassbox.js"), "train", "one.json", "--epochs", "20"], { cwd: app, encoding: "utf8" });
    expect(out).toContain("trained 20 epochs");
  });

  it("type-checks under strict tsc from its declarations", () => {
    writeFileSync(
      join(app, "main.ts"),
      `import { createNetwork, predictProba, type Network } from "glassbox";
import { validateExperiment } from "glassbox/browser";
const net: Network = createNetwork(1, [{ units: 2, activation: "sigmoid" }, { units: 1, activation: "sigmoid" }], "binary-crossentropy");
export const e = validateExperiment({ data: { dataset: "moons" }, model: { layers: [{ units: 1, activation: "sigmoid" }] } });
export { net, predictProba };
`,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      // skipLibCheck off: the package's .d.ts files are checked too. TypeScript's own lib files are
      // not (skipDefaultLibCheck): checking lib.dom.d.ts was most of the time and tests nothing of ours.
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [] }, files: ["main.ts"] }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", app], { cwd: app, encoding: "utf8" });
  }, 60_000);
});
