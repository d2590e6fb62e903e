/**
 * bin/glassbox.js runs the compiled build (dist/cli) only while it is current, and the sources
 * through tsx otherwise: checked on a small stand-in package (the real bin/glassbox.js, a fake
 * build and fake sources), so no build of this checkout is needed or touched.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "glassbox-bin-"));
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist", "cli"), { recursive: true });
  mkdirSync(join(dir, "src", "cli"), { recursive: true });
  copyFileSync(join(root, "bin", "glassbox.js"), join(dir, "bin", "glassbox.js"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "stand-in", type: "module" }));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const runner = (which: string) => `export async function run(argv) { console.log(${JSON.stringify(which)} + " " + argv.join(" ")); return 3; }\n`;
  writeFileSync(join(dir, "dist", "cli", "main.js"), runner("compiled"));
  writeFileSync(join(dir, "src", "cli", "main.ts"), runner("sources").replace("(argv)", "(argv: string[])"));
  writeFileSync(join(dir, "src", "cli", "other.ts"), "export {};\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function glassbox(...argv: string[]) {
  const env = { ...process.env };
  delete env.GLASSBOX_TSX;
  return spawnSync(process.execPath, [join(dir, "bin", "glassbox.js"), ...argv], { cwd: dir, encoding: "utf8", env });
}

function build(builtAt: number, inputs = ["src/cli/main.ts", "src/cli/other.ts"]) {
  writeFileSync(join(dir, "dist", "cli", "build.json"), JSON.stringify({ builtAt, inputs }));
}

describe("bin/glassbox.js", () => {
  it("runs the compiled build while every source it lists is older than the build, with the command's exit code", () => {
    const past = new Date("2020-01-01T00:00:00Z");
    for (const f of ["main.ts", "other.ts"]) utimesSync(join(dir, "src", "cli", f), past, past);
    build(Date.now());
    const r = glassbox("train", "x.json");
    expect(r.stdout.trim()).toBe("compiled train x.json");
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(""); // not a terminal: no note
  });

  it("runs the sources through tsx once one of them is newer than the build", () => {
    build(Date.now());
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "src", "cli", "other.ts"), later, later);
    const r = glassbox("--help");
    expect(r.stdout.trim()).toBe("sources --help");
    expect(r.status).toBe(3);
  });

  it("runs the sources when a listed source is gone, or there is no build", () => {
    build(Date.now() + 120_000, ["src/cli/main.ts", "src/cli/removed.ts"]);
    expect(glassbox().stdout.trim()).toBe("sources");
    rmSync(join(dir, "dist", "cli", "build.json"));
    expect(glassbox().stdout.trim()).toBe("sources");
  });
});
