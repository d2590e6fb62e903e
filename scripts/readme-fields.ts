/**
 * Writes the README's table of experiment-file fields from the registries
 * (src/experiment/field-table.ts). `npm run readme:fields`; `--check` only says whether it is current.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { withFieldTable } from "../src/experiment/field-table.ts";

const readme = join(dirname(fileURLToPath(import.meta.url)), "..", "README.md");
const text = readFileSync(readme, "utf8");
const next = withFieldTable(text);
if (process.argv.includes("--check")) {
  process.stdout.write(next === text ? "README.md: the field table is current\n" : "README.md: the field table is out of date; run npm run readme:fields\n");
  process.exitCode = next === text ? 0 : 1;
} else if (next !== text) {
  writeFileSync(readme, next);
  process.stdout.write("README.md: field table written\n");
} else {
  process.stdout.write("README.md: the field table was already current\n");
}
