// Start-up as a user meets it, hyperfine-like: each command run in a fresh process, the commands
// interleaved, `--runs` times each (default 11), medians of the wall time and of the CPU time
// (user + system, less sensitive to a busy machine). `node scripts/startup-times.mjs [--runs n]`
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "glassbox.js");
const args = process.argv.slice(2);
const ri = args.indexOf("--runs");
const runs = ri >= 0 ? Number(args[ri + 1]) : 11;

const commands = [
  ["glassbox --help", [bin, "--help"], {}],
  ["glassbox train examples/one-feature.json", [bin, "train", "examples/one-feature.json"], {}],
  ["glassbox --help (sources through tsx)", [bin, "--help"], { GLASSBOX_TSX: "1" }],
  ["glassbox train examples/one-feature.json (tsx)", [bin, "train", "examples/one-feature.json"], { GLASSBOX_TSX: "1" }],
];

const hasTime = existsSync("/usr/bin/time");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const wall = commands.map(() => []);
const cpu = commands.map(() => []);
for (let r = 0; r < runs; r++) {
  commands.forEach(([, argv, env], i) => {
    const t = performance.now();
    // GNU time reports the child's CPU time; without it, wall time only
    const timed = hasTime ? ["/usr/bin/time", ["-f", "CPU %U %S", process.execPath, ...argv]] : [process.execPath, argv];
    const p = spawnSync(timed[0], timed[1], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    wall[i].push((performance.now() - t) / 1000);
    if (p.status !== 0) throw new Error(`${argv.join(" ")} failed: ${p.stderr}`);
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(p.stderr);
    if (m) cpu[i].push(Number(m[1]) + Number(m[2]));
  });
}
for (let i = 0; i < commands.length; i++) console.log(`${commands[i][0].padEnd(52)} ${median(wall[i]).toFixed(3)} s wall (min ${Math.min(...wall[i]).toFixed(3)})${cpu[i].length ? `, ${median(cpu[i]).toFixed(2)} s CPU` : ""}; medians of ${runs}`);
