/**
 * The README's pictures (docs/images/*.png), each drawn by the command its caption names, and
 * docs/images/pictures.json: every picture's command and the SHA-256 of the PNG it wrote.
 * test/docs/readme-pictures.test.ts checks the committed PNGs against that list and draws the
 * quick ones again (the moons pictures train 10,000 epochs, so only this script redraws them).
 *
 *   npx tsx scripts/readme-pictures.ts           draw them all into docs/images/
 *   npx tsx scripts/readme-pictures.ts --check   draw into a temporary folder, say which differ (exit 1), change nothing
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const IMAGES = join(ROOT, "docs", "images");
export const MANIFEST = join(IMAGES, "pictures.json");

export interface ReadmePicture {
  /** The file in docs/images. */
  png: string;
  /** The command's arguments, paths relative to the repository root; `OUT` is where it writes. */
  args: string[];
  /** The file of the command's output that is the picture, when it writes several (steps-02.png). */
  produced?: string;
  /** Trains for long (10,000 epochs): redrawn by this script only, not by the test. */
  slow?: boolean;
}

const SIZE = ["--width", "720", "--height", "500"];

export const PICTURES: ReadmePicture[] = [
  { png: "moons-boundary.png", args: ["plot", "boundary", "examples/moons-deep.json", ...SIZE, "--out", "OUT.png"], slow: true },
  { png: "moons-history.png", args: ["plot", "history", "examples/moons-deep.json", ...SIZE, "--out", "OUT.png"], slow: true },
  { png: "one-feature-neurons.png", args: ["plot", "neurons", "examples/one-feature.json", ...SIZE, "--out", "OUT.png"] },
  { png: "gauss-hidden.png", args: ["plot", "hidden", "examples/gauss-two-neurons.json", ...SIZE, "--out", "OUT.png"] },
  { png: "three-classes-boundary.png", args: ["plot", "boundary", "examples/three-classes.json", ...SIZE, "--out", "OUT.png"] },
  { png: "twelve-steps-step3.png", args: ["steps", "examples/twelve-steps.json", "--out", "OUT/steps.png"], produced: "steps-03.png" },
];

export interface Manifest {
  about: string;
  pictures: { png: string; command: string; sha256: string }[];
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The command line as a user types it (for the manifest and messages). */
export function commandLine(p: ReadmePicture): string {
  return ["glassbox", ...p.args.map((a) => a.replace(/^OUT\.png$/, p.png).replace(/^OUT\//, ""))].join(" ");
}

/**
 * Runs the picture's command in-process (the CLI's own `run`) in a fresh folder and returns the
 * PNG it wrote. Trained runs go to a cache in `cache` (so the moons views share one training).
 */
export async function drawPicture(p: ReadmePicture, cache: string): Promise<Uint8Array> {
  const { run } = await import("../src/cli/main.ts");
  const dir = mkdtempSync(join(tmpdir(), "glassbox-picture-"));
  const args = p.args.map((a) => (a === "OUT.png" ? join(dir, "out.png") : a.startsWith("OUT/") ? join(dir, a.slice(4)) : /^examples\//.test(a) ? join(ROOT, a) : a));
  const before = process.env.GLASSBOX_CACHE;
  process.env.GLASSBOX_CACHE = cache;
  const log = console.log;
  console.log = () => {};
  try {
    const code = await run(args);
    if (code !== 0) throw new Error(`${commandLine(p)} exited with ${code}`);
    return new Uint8Array(readFileSync(join(dir, p.produced ?? "out.png")));
  } finally {
    console.log = log;
    if (before === undefined) delete process.env.GLASSBOX_CACHE;
    else process.env.GLASSBOX_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const cache = mkdtempSync(join(tmpdir(), "glassbox-picture-cache-"));
  const out = check ? mkdtempSync(join(tmpdir(), "glassbox-pictures-")) : IMAGES;
  mkdirSync(out, { recursive: true });
  const manifest: Manifest = { about: "The README's pictures: drawn by scripts/readme-pictures.ts with these commands (test/docs/readme-pictures.test.ts checks them)", pictures: [] };
  let differ = 0;
  try {
    for (const p of PICTURES) {
      const png = await drawPicture(p, cache);
      manifest.pictures.push({ png: p.png, command: commandLine(p), sha256: sha256(png) });
      let committed: Uint8Array | null = null;
      try {
        committed = new Uint8Array(readFileSync(join(IMAGES, p.png)));
      } catch {
        committed = null;
      }
      const same = committed !== null && sha256(committed) === sha256(png);
      if (!same) differ++;
      writeFileSync(join(out, p.png), png);
      console.log(`${p.png}: ${same ? "unchanged" : committed ? "changed" : "new"} (${commandLine(p)})`);
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  if (check) {
    if (differ) {
      console.log(`${differ} picture(s) differ from docs/images; the new ones are in ${out}. Run without --check to update docs/images.`);
      process.exitCode = 1;
    } else rmSync(out, { recursive: true, force: true });
    return;
  }
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 1) + "\n");
  console.log(`wrote docs/images/pictures.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();

