/** For meters and tests: what the page is doing, read as `globalThis.glassbox` without touching its internals. */
import { DOMAIN, GRID } from "../protocol.ts";
import { state, worker } from "./state.ts";

export function exposeProbe(): void {
  Object.assign(globalThis, {
    glassbox: {
      get setup() {
        return state.setup;
      },
      get playing() {
        return state.playing;
      },
      get threads() {
        return state.info?.threads ?? null;
      },
      rate: () => worker.rate(),
      /** The step inspector's iteration at the current weights (the numbers `glassbox steps` gives). */
      trace: () => worker.trace(),
      /** The shown model's outputs for raw rows (what `glassbox predict` writes for them). */
      predict: (rows: number[][]) => worker.predict(rows),
      get imported() {
        const { imported, importNoFit, info } = state;
        return imported ? { format: imported.format, name: imported.name, fits: importNoFit === null, ready: info !== null || importNoFit !== null } : null;
      },
      grid: { side: GRID, domain: DOMAIN },
    },
  });
}
