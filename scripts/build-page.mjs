// The playground page built at install (`prepare`), so that the first `npm start` serves at once
// and `npm test` does not spend its first ten seconds on it. Only where npm installs in the
// project's own folder (`npm ci` there; npm also does so in the clone it makes of a git
// dependency, where the build is wasted but harmless): a pack or publish leaves dist/web out of
// the package, and a project installing glassbox from its folder or a tarball may never serve the
// page (`glassbox serve` builds it on first start there). At install a failed build only warns:
// `serve` builds the page again. Without `--at-install` (`npm run build:page`) it builds in any
// case, and a failure fails; either way a build that is current is kept (src/cli/serve/build.ts).
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const same = (a, b) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};
const atInstall = process.argv.includes("--at-install");
const packing = ["pack", "publish"].includes(process.env.npm_command ?? "");
const ownInstall = process.env.INIT_CWD === undefined || same(process.env.INIT_CWD, root);
if (!atInstall || (!packing && ownInstall)) {
  try {
    const { tsImport } = await import("tsx/esm/api");
    const { buildPage } = await tsImport("../src/cli/serve/build.ts", import.meta.url);
    await buildPage({ log: (line) => console.error(line) });
  } catch (e) {
    if (!atInstall) throw e;
    console.error(`glassbox: the playground page was not built (${e instanceof Error ? e.message : e}); \`npm start\` builds it when it starts`);
  }
}
