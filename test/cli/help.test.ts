/**
 * What the command says about itself is what it does: --version, bare `glassbox`, each
 * command's --help listing only the options it reads, the steps range, JSON mistakes by line
 * and column, experiment files with comments.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram, run } from "../../src/cli/main.ts";
import { ROOT } from "../helpers.ts";
import { captureEachTest } from "./capture.ts";

const c = captureEachTest("glassbox-help-");

const ex = (name: string) => join(ROOT, "examples", name);
const optionsOf = (name: string) => buildProgram().commands.find((c) => c.name() === name)!.options.map((o) => o.long);

describe("the command about itself", () => {
  it("prints its version with --version and -V", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(await run(["--version"])).toBe(0);
    expect(await run(["-V"])).toBe(0);
    expect(c.out.join("")).toBe(`${version}\n${version}\n`);
    expect(c.err).toEqual([]);
  });

  it("bare, prints the help on standard output and exits 1 (as git does)", async () => {
    expect(await run([])).toBe(1);
    const text = c.out.join("");
    expect(text).toMatch(/^Usage: glassbox \[options\] \[command\]/);
    for (const c of ["train", "predict", "plot", "animate", "gallery", "serve", "--version"]) expect(text).toContain(c);
    expect(c.err).toEqual([]);
  });

  it("lists for animate only the picture options an animation reads", async () => {
    const animate = optionsOf("animate");
    expect(animate).toEqual(expect.arrayContaining(["--out", "--frames", "--frames-dir", "--subject", "--params", "--ranges", "--mode", "--layer", "--azimuth", "--no-test", "--epochs"]));
    expect(animate).not.toContain("--param");
    expect(animate).not.toContain("--range");
    expect(optionsOf("plot")).toEqual(expect.arrayContaining(["--param", "--range", "--step", "--epoch"]));
    // A plot-only option given to animate is refused, not ignored.
    expect(await run(["animate", "training", ex("one-feature.json"), "--out", join(c.dir, "a.gif"), "--param", "W1[0,0]"])).toBe(2);
    expect(c.err.join("")).toContain("unknown option '--param'");
    expect(existsSync(join(c.dir, "a.gif"))).toBe(false);
  });

  it("answers --help for every command on standard output, every option described", async () => {
    for (const command of buildProgram().commands) {
      c.out.length = 0;
      expect(await run([command.name(), "--help"])).toBe(0);
      expect(c.out.join("")).toContain(`Usage: glassbox ${command.name()}`);
      for (const o of command.options) expect(o.description.length, `${command.name()} ${o.long}`).toBeGreaterThan(5);
    }
    expect(c.err).toEqual([]);
  });

  it("says gallery's default epochs are each file's own", () => {
    const epochs = buildProgram().commands.find((c) => c.name() === "gallery")!.options.find((o) => o.long === "--epochs")!;
    expect(epochs.description).toContain("each file's own");
    expect(epochs.defaultValue).toBeUndefined();
  });
});

describe("plot steps --step", () => {
  it("names the range of steps instead of drawing another one", async () => {
    const file = join(c.dir, "s.svg");
    expect(await run(["plot", "steps", ex("twelve-steps.json"), "--step", "99", "--out", file])).toBe(2);
    expect(c.err.join("")).toBe("glassbox: --step 99 does not exist: one iteration of this network has 12 steps, choose --step 1..12\n");
    expect(existsSync(file)).toBe(false);
    expect(await run(["plot", "steps", ex("twelve-steps.json"), "--step", "12", "--out", file])).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("Step 12 of 12");
  });
});

describe("view- and animation-specific flags", () => {
  it("refuses a flag that the view does not read, before any work", async () => {
    const file = join(c.dir, "b.svg");
    expect(await run(["plot", "boundary", ex("one-feature.json"), "--param", "W1[0,0]", "--out", file])).toBe(2);
    expect(c.err.join("")).toBe("glassbox: --param is for cost-slice, not boundary: leave it out\n");
    c.err.length = 0;
    expect(await run(["plot", "data", ex("one-feature.json"), "--step", "2", "--out", file])).toBe(2);
    expect(c.err.join("")).toContain("--step is for steps, not data");
    c.err.length = 0;
    expect(await run(["plot", "network", ex("one-feature.json"), "--layer", "1", "--out", file])).toBe(2);
    expect(c.err.join("")).toContain("--layer is for hidden and layer-pass, not network");
    expect(existsSync(file)).toBe(false);
    c.err.length = 0;
    expect(await run(["animate", "training", ex("one-feature.json"), "--mode", "3d", "--out", join(c.dir, "a.gif")])).toBe(2);
    expect(c.err.join("")).toBe("glassbox: --mode is for cost-landscape, not training: leave it out\n");
  });
});

describe("experiment files as JSON texts", () => {
  it("reports invalid JSON by line and column, in one line", async () => {
    const f = join(c.dir, "bad.json");
    writeFileSync(f, '{\n  "data": { "dataset": "moons" },\n  "model": { "layers": [ { "units": 1 } }\n}\n');
    expect(await run(["train", f])).toBe(2);
    expect(c.err.join("")).toBe(`glassbox: experiment file "${f}" is not valid JSON at line 3, column 41: expected "," or "]" after an array element, found "}"\n`);
    c.err.length = 0;
    writeFileSync(f, '{\n  "data": { "dataset": "moons" ');
    expect(await run(["train", f])).toBe(2);
    expect(c.err.join("")).toMatch(/at line 2, column 32: .*found the end of the file; it looks cut short/);
  });

  it("accepts comments and trailing commas in experiment files, not in model files", async () => {
    const f = join(c.dir, "commented.json");
    writeFileSync(f, '// a small run\n{\n  "data": { "dataset": "moons", "samples": 40, "seed": 1 }, /* the data */\n  "model": { "layers": [ { "units": 3, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }, ] },\n  "train": { "epochs": 5 }, // five\n}\n');
    const model = join(c.dir, "model.json");
    expect(await run(["train", f, "--model", model])).toBe(0);
    expect(c.out.join("\n")).toContain("trained 5 epochs");
    writeFileSync(model, "// a comment\n" + readFileSync(model, "utf8"));
    expect(await run(["predict", "--model", model, "--csv", ex("data/moons.csv")])).toBe(2);
    expect(c.err.join("")).toContain(`model file "${model}" is not valid JSON at line 1, column 1: expected a value`);
    expect(c.err.join("")).toContain("comments are not allowed in this file");
  });

  it("trains the README's experiment example as pasted", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Experiment files"));
    const block = /```jsonc\n([\s\S]*?)```/.exec(section)![1];
    const f = join(c.dir, "pasted.json");
    writeFileSync(f, block);
    expect(await run(["train", f, "--epochs", "3"])).toBe(0);
    expect(c.out.join("\n")).toMatch(/trained 3 epochs/);
    expect(c.err.join("")).toBe("");
  });
});
