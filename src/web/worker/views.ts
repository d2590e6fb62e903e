/** The views panel's pictures of the session, drawn by src/viz as the CLI's `plot` draws them. */
import { firstIteration } from "../../experiment/first-iteration.ts";
import { costGrid, costSurfaceScene, hiddenMorphScene, lossData, parseParam, paramNames, rawInputCount, stepScenes, stepsLayout, toSvg, VIEWS, type Scene } from "../../viz/index.ts";
import { sameValues } from "../../core/same-values.ts";
import type { Trace } from "../../nn/trace.ts";
import type { ViewRequest, ViewResult } from "../protocol.ts";
import { arithmeticWords, stepHover } from "../step-arithmetic.ts";
import type { Session } from "./session.ts";

export function drawView(s: Session, r: ViewRequest): ViewResult {
  const input = { model: s.model, split: s.prepared.split, prepared: s.prepared, run: { history: s.history } };
  const angle = r.azimuth !== undefined ? { azimuth: r.azimuth, elevation: r.elevation ?? 30 } : undefined;
  // Every view's size and the page's language.
  const common = { width: r.width, height: r.height, lang: r.lang };
  // Both are drawn over the plane of two data columns (extra features are computed from them): with other data, the page says so in its own words.
  if ((r.name === "surface" || r.name === "morph") && rawInputCount(s.model) !== 2) return { svg: "", unavailable: { columns: rawInputCount(s.model) } };
  let scene: Scene;
  switch (r.name) {
    case "hidden":
      scene = VIEWS.hidden(input, { ...common, layer: r.layer, angle });
      break;
    case "morph":
      scene = hiddenMorphScene(s.model, s.prepared.raw, r.t ?? 1, { ...common, layer: r.layer, angle });
      break;
    case "surface":
      scene = VIEWS.surface(input, { ...common, angle });
      break;
    case "neurons":
      scene = VIEWS.neurons(input, common);
      break;
    case "history":
      if (s.history.epoch.length === 0) throw new Error("nothing trained yet: press play or step");
      scene = VIEWS.history(input, common);
      break;
    case "steps": {
      const trace = traceOf(s);
      const scenes = stepScenes(trace, { width: r.width, cell: r.cell, lang: r.lang });
      const k = Math.max(1, Math.min(scenes.length, r.step ?? 1));
      // The hover arithmetic (step-arithmetic.ts), for the layout of one picture per computed matrix.
      const hover = stepsLayout(trace) === "trace" ? stepHover(trace, scenes[k - 1], k, r.cell, arithmeticWords(r.words)) : null;
      return { svg: toSvg(scenes[k - 1], { idPrefix: "steps" }), steps: scenes.length, hover };
    }
    case "landscape": {
      const [na, nb] = r.params ?? defaultPair(s);
      const a = parseParam(s.model, na);
      const b = parseParam(s.model, nb);
      const path = s.path.map((p) => [p.params[a.index], p.params[b.index]] as [number, number]);
      const ranges = [a, b].map((ref, k) => {
        const here = s.model.params[ref.index];
        const seen = path.map((p) => p[k]);
        const span = Math.max(2, 1.25 * Math.max(...seen.map((v) => Math.abs(v - here)), 0));
        return [here - span, here + span] as [number, number];
      }) as [[number, number], [number, number]];
      const grid = costGrid(s.model, lossData(input), a, b, ranges, 31);
      scene = costSurfaceScene(grid, { ...common, mode: r.mode, angle, path, pathParams: s.path.map((p) => p.params) });
      return { svg: toSvg(scene, { idPrefix: r.name }), params: [a.name, b.name] };
    }
  }
  return { svg: toSvg(scene, { idPrefix: r.name }) };
}

/**
 * The trace at the session's parameters and settings now, made again only when they change:
 * hovering the step inspector's cells asks for a picture per cell, and the trace is a forward
 * and backward pass over the whole training set (4–16 ms on the Playground's set-ups).
 */
let lastTrace: { session: Session; params: Float64Array; config: string; trace: Trace } | null = null;
function traceOf(s: Session): Trace {
  const config = JSON.stringify(s.prepared.config);
  const c = lastTrace;
  if (c && c.session === s && c.config === config && sameValues(c.params, s.model.params)) return c.trace;
  const trace = firstIteration(s.prepared, s.model);
  lastTrace = { session: s, params: s.model.params.slice(), config, trace };
  return trace;
}

/** The landscape's default pair: the first two weights into the output. */
function defaultPair(s: Session): [string, string] {
  const names = paramNames(s.model);
  const L = s.model.layers.length;
  const out = names.filter((n) => n.startsWith(`W${L}[`));
  return out.length >= 2 ? [out[0], out[1]] : [names[0], names[1]];
}
