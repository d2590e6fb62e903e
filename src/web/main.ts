/**
 * The playground page. State lives in one place (page/state.ts: the set-up, what the URL holds);
 * the worker owns the network and trains it; this thread builds the controls from the set-up
 * (page/build.ts), sends the worker what changed (page/controller.ts) and draws the latest frame
 * at display rate (page/frame-loop.ts).
 */
import { restart } from "./page/controller.ts";
import { wake } from "./page/frame-loop.ts";
import { exposeProbe } from "./page/probe.ts";
import { writeUrl } from "./page/state.ts";
import { listenToWindow } from "./page/window-events.ts";

listenToWindow();
exposeProbe();
writeUrl();
void restart(false);
wake();
