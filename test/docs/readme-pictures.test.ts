/**
 * The README's pictures are what their commands draw now: every picture the README shows is in
 * docs/images/pictures.json (written by scripts/readme-pictures.ts) with the command that drew it
 * and its PNG's hash; the committed PNG has that hash; and the quick ones, drawn again by the
 * same command, still have it (the moons pair trains 10,000 epochs: the script redraws those).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commandLine, drawPicture, IMAGES, MANIFEST, PICTURES, ROOT, sha256, type Manifest } from "../../scripts/readme-pictures.ts";

const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const shown = [...readme.matchAll(/\]\(docs\/images\/([^)]+\.png)\)/g)].map((m) => m[1]);
const cache = mkdtempSync(join(tmpdir(), "glassbox-readme-pictures-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("the README's pictures", () => {
  it("are each listed with the command that draws them, and are the PNGs it drew", () => {
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(manifest.pictures.map((p) => p.png).sort()).toEqual([...new Set(shown)].sort());
    expect(manifest.pictures.map((p) => p.png)).toEqual(PICTURES.map((p) => p.png));
    for (const [i, p] of manifest.pictures.entries()) {
      expect(p.command).toBe(commandLine(PICTURES[i]));
      expect(sha256(new Uint8Array(readFileSync(join(IMAGES, p.png)))), `${p.png} is not what ${p.command} drew: run npx tsx scripts/readme-pictures.ts`).toBe(p.sha256);
    }
  });

  it.each(PICTURES.filter((p) => !p.slow).map((p) => [p.png, p] as const))("%s is what its command draws now", async (name, picture) => {
    const png = await drawPicture(picture, cache);
    const listed = manifest.pictures.find((p) => p.png === name)!;
    expect(sha256(png), `${commandLine(picture)} draws another picture now: run npx tsx scripts/readme-pictures.ts and look at the change`).toBe(listed.sha256);
  });
});
