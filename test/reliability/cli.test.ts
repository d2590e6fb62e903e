/**
 * A test per fault class of the hostile-input trial: the message, the exit code, and that no file
 * was written or changed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { ROOT } from "../helpers.ts";
import { captureEachTest } from "../cli/capture.ts";

const c = captureEachTest("glassbox-rel-");

const small = { data: { dataset: "moons", samples: 40, seed: 1 }, model: { layers: [{ units: 3, activation: "tanh" }, { units: 1, activation: "sigmoid" }] }, train: { epochs: 5 } };
const write = (name: string, content: unknown) => {
  const f = join(c.dir, name);
  writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
  return f;
};
/** The folder's files (recursively), each with its content, to show nothing changed. */
const snapshot = (dir = c.dir): Record<string, string> =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), "utf8")]));

async function refused(args: string[], message: RegExp | string): Promise<void> {
  const before = snapshot();
  c.err.length = 0;
  expect(await run(args)).toBe(2);
  const err = c.err.join("");
  expect(err.trim().split("\n")).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  if (typeof message === "string") expect(err).toContain(message);
  else expect(err).toMatch(message);
  expect(snapshot()).toEqual(before);
}

describe("model files", () => {
  it("predict with a scaler one value short: exit 2, the JSON path, no output", async () => {
    const exp = write("exp.json", { ...small, scale: "standard" });
    const model = join(c.dir, "model.json");
    expect(await run(["train", exp, "--model", model])).toBe(0);
    const json = JSON.parse(readFileSync(model, "utf8"));
    json.scaler.mean.pop();
    write("model.json", json);
    write("rows.csv", "x1,x2\n0,0\n1,1\n");
    await refused(["predict", "--model", model, "--csv", join(c.dir, "rows.csv"), "--out", join(c.dir, "p.csv")], `${model}.scaler.mean: has 1 numbers, expected 2`);
  });
  it("a truncated model file", async () => {
    const model = write("model.json", '{"format":"glassbox-model","version":1,"inputSize":2,"layers":[{"units"');
    write("rows.csv", "x1,x2\n0,0\n");
    await refused(["predict", "--model", model, "--csv", join(c.dir, "rows.csv")], /is not valid JSON .*cut short/);
  });
});

describe("outputs checked before any work, never the inputs", () => {
  it("--model naming a folder fails before training and writes no run", async () => {
    const exp = write("exp.json", small);
    mkdirSync(join(c.dir, "models.json"));
    await refused(["train", exp, "--out", join(c.dir, "run.json"), "--model", join(c.dir, "models.json")], /--model ".*models\.json" is a folder: name a file/);
  });
  it("--out equal to the experiment file", async () => {
    const exp = write("exp.json", small);
    await refused(["train", exp, "--out", exp], /--out ".*exp\.json" is the experiment file: writing there would replace it/);
  });
  it("--out and --model the same file", async () => {
    const exp = write("exp.json", small);
    await refused(["train", exp, "--out", join(c.dir, "a.json"), "--model", join(c.dir, "a.json")], "--out and --model both name");
  });
  it("a path under a regular file", async () => {
    const exp = write("exp.json", small);
    await refused(["train", exp, "--out", join(exp, "run.json")], /a part of that path is a file, not a folder|is a file, not a folder/);
  });
  it("predict --out equal to --csv", async () => {
    const exp = write("exp.json", small);
    const model = join(c.dir, "model.json");
    expect(await run(["train", exp, "--model", model])).toBe(0);
    const csv = write("rows.csv", "x1,x2\n0,0\n");
    await refused(["predict", "--model", model, "--csv", csv, "--out", csv], /--out ".*rows\.csv" is the input CSV \(--csv\)/);
  });
  it("steps --out s.png with s-03.png a folder: no s-01.png", async () => {
    mkdirSync(join(c.dir, "s-03.png"));
    await refused(["steps", join(ROOT, "examples", "twelve-steps.json"), "--out", join(c.dir, "s.png")], /s-03\.png" is a folder/);
  });
  it("animate with --out a folder leaves no frame PNGs", async () => {
    const exp = write("exp.json", small);
    mkdirSync(join(c.dir, "a.gif"));
    await refused(["animate", "training", exp, "--out", join(c.dir, "a.gif"), "--frames-dir", join(c.dir, "frames"), "--frames", "3"], /--out ".*a\.gif" is a folder/);
  });
  it("a CSV folder given as the data file", async () => {
    mkdirSync(join(c.dir, "data.csv"));
    const exp = write("exp.json", { ...small, data: { csv: "data.csv", target: "y" } });
    await refused(["train", exp], 'data.csv: "data.csv" is a folder, not a file');
  });
});

describe("several outputs", () => {
  it("predict writes one column per output of a multi-output regression model", async () => {
    write("d.csv", ["a,b,u,v", ...Array.from({ length: 12 }, (_, i) => `${i / 4},${(i % 3) / 2},${i / 4 + 1},${(i % 3) / 2 - 1}`)].join("\n"));
    const exp = write("exp.json", { data: { csv: "d.csv", target: ["u", "v"] }, model: { layers: [{ units: 2, activation: "linear" }] }, train: { optimizer: "adam", learningRate: 0.05, epochs: 400 } });
    const model = join(c.dir, "m.json");
    expect(await run(["train", exp, "--model", model])).toBe(0);
    const out = join(c.dir, "p.csv");
    expect(await run(["predict", "--model", model, "--csv", join(c.dir, "d.csv"), "--out", out])).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("a,b,u,v,predicted(u),predicted(v)");
    const [, , u, v, pu, pv] = lines[5].split(",").map(Number);
    expect(Math.abs(pu - u)).toBeLessThan(0.2);
    expect(Math.abs(pv - v)).toBeLessThan(0.2);
  });
});

describe("memory and sizes bounded before the work starts", () => {
  it("40 hidden layers of 4,096 units", async () => {
    const layers = [...Array.from({ length: 40 }, () => ({ units: 4096, activation: "relu" })), { units: 1, activation: "sigmoid" }];
    const exp = write("exp.json", { ...small, model: { layers } });
    for (const cmd of [["train", exp], ["steps", exp]]) {
      await refused(cmd, /model\.layers: this run needs about [\d.]+ GB \(6[\d,]+ parameters, 41 layers up to 4096 units, 40 rows\), more than the [\d.]+ GB allowed: use fewer or narrower layers/);
    }
  });
  it("10 M samples with a 4,096-unit layer", async () => {
    const exp = write("exp.json", { ...small, data: { dataset: "moons", samples: 10_000_000 }, model: { layers: [{ units: 4096, activation: "relu" }, { units: 1, activation: "sigmoid" }] } });
    await refused(["train", exp], /this run needs about [\d.]+ [GT]B \(12,289 parameters, 2 layers up to 4096 units, 10,000,000 rows\), .* or train on fewer rows/);
  });
  it.each([
    [["plot", "data", "EXP", "--out", "OUT.png", "--width", "10000000"], "--width 10000000 is more than the limit of 10,000"],
    [["plot", "neurons", "EXP", "--out", "OUT.png", "--resolution", "1e8"], "--resolution 1e8 is more than the limit of 1,000"],
    [["animate", "training", "EXP", "--out", "OUT.gif", "--frames", "1e6"], "--frames 1e6 is more than the limit of 2,000"],
    [["train", "EXP", "--epochs", "1e12"], "--epochs 1e12 is more than the limit of 100,000,000"],
  ])("%j", async (args, message) => {
    const exp = write("exp.json", small);
    await refused(args.map((a) => (a === "EXP" ? exp : a.startsWith("OUT") ? join(c.dir, a) : a)), message);
  });
  it("animate frames that would not fit in memory", async () => {
    const exp = write("exp.json", small);
    await refused(["animate", "training", exp, "--out", join(c.dir, "a.gif"), "--frames", "2000", "--width", "4000"], /^glassbox: 2000 frames of 4000×3000 px need about 96 GB of memory, more than the [\d.]+ GB allowed: use fewer --frames/);
  });
  it("plot network of 2 × 4,096", async () => {
    const exp = write("exp.json", { ...small, model: { layers: [{ units: 4096, activation: "relu" }, { units: 4096, activation: "relu" }, { units: 1, activation: "sigmoid" }] } });
    await refused(["plot", "network", exp, "--out", join(c.dir, "n.svg"), "--epochs", "0"], /the network has 16,[\d,]+ connections, too many to draw/);
  });
});

describe("signals and pipes", () => {
  it("Ctrl-C during train writes the run so far, marked interrupted, and no temporary file", async () => {
    const exp = write("exp.json", { ...small, train: { epochs: 100_000_000 } });
    const out = join(c.dir, "run.json");
    // The signal comes while the first slice of epochs runs; training stops at the end of an epoch.
    setTimeout(() => process.emit("SIGINT", "SIGINT"), 0);
    expect(await run(["train", exp, "--out", out])).toBe(130);
    const runJson = JSON.parse(readFileSync(out, "utf8"));
    expect(runJson.interrupted).toBe(true);
    expect(runJson.stoppedBy).toBe("interrupted");
    expect(runJson.epochs).toBeGreaterThan(0);
    expect(runJson.epochs).toBeLessThan(100_000_000);
    expect(runJson.history.epoch.at(-1)).toBe(runJson.epochs);
    expect(c.out.join("\n")).toMatch(/interrupted by Ctrl-C/);
    expect(readdirSync(c.dir).sort()).toEqual(["exp.json", "run.json"]);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("a closed standard output ends predict and steps quietly", async () => {
    const bin = join(ROOT, "bin", "glassbox.js");
    const exp = write("exp.json", small);
    const model = join(c.dir, "model.json");
    expect(await run(["train", exp, "--model", model])).toBe(0); // the model to predict with (in this process: only the pipes are under test)
    write("rows.csv", ["x1,x2", ...Array.from({ length: 20000 }, (_, i) => `${i / 1000},${-i / 1000}`)].join("\n"));
    for (const cmd of [`predict --model ${model} --csv ${join(c.dir, "rows.csv")} | head -1`, `steps ${join(ROOT, "examples", "twelve-steps.json")} | head -c 100`]) {
      const r = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${bin}" ${cmd} >/dev/null`], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    }
  });
});

describe("CSV files", () => {
  const exp = (csv: string) => write("exp.json", { ...small, data: { csv, target: "y" } });
  it("Latin-1 and UTF-16 files name the encoding and the fix", async () => {
    writeFileSync(join(c.dir, "latin1.csv"), Buffer.from("x1,x2,y\n1,2,0\ncaf\xe9,2,1\n", "latin1"));
    await refused(["train", exp("latin1.csv")], 'latin1.csv: is not UTF-8 text (line 3 has bytes of another encoding, probably Latin-1 or Windows-1252): save it as UTF-8');
    writeFileSync(join(c.dir, "utf16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("x1,x2,y\n1,2,0\n", "utf16le")]));
    await refused(["train", exp("utf16.csv")], "utf16.csv: is UTF-16 text: save it as UTF-8");
  });
  it("an unterminated quote is reported on the line it opens", async () => {
    write("q.csv", 'x1,x2,y\n1,2,0\n"3,4,1\n5,6,0\n7,8,1\n');
    await refused(["train", exp("q.csv")], 'q.csv line 3: a quote (") opens here and is never closed');
  });
});
