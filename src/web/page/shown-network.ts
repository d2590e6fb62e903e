/** Which network the diagram shows: the Playground's own set-up, or an opened file's or imported model's. */
import { importedShape } from "../imported.ts";
import { featureNodes, type NetworkShape } from "../ui/network-view.ts";
import { currentFile } from "./opened-file.ts";
import { state } from "./state.ts";

/** Whether the diagram is a file's or an imported model's network (not the Playground's own set-up). */
export function fileNetwork(): boolean {
  return !!state.setup.example || state.imported !== null;
}

/** Whether training follows a file's own settings (a walkthrough or file, and a model imported over one), not the page's menus. */
export function fileSettings(): boolean {
  return !!state.setup.example && !state.imported?.csv;
}

/** What the diagram draws: the Playground's set-up, or the opened file's network once the worker has read it. */
export function networkShape(): NetworkShape {
  const { setup, info, imported } = state;
  if (imported) return importedShape(imported.model);
  const file = currentFile();
  if (!file) {
    return {
      inputs: featureNodes(setup.features),
      hidden: setup.networkShape,
      outputUnits: 1,
      activations: [...setup.networkShape.map(() => setup.activation), setup.problem === "classification" ? "sigmoid" : "linear"],
      editable: true,
    };
  }
  const layers = info?.layers ?? [];
  return {
    inputs: (info?.inputs ?? []).map((name) => ({ key: name, label: name, on: true, toggle: false })),
    hidden: layers.slice(0, -1).map((l) => l.units),
    outputUnits: layers.at(-1)?.units ?? 1,
    activations: layers.map((l) => l.activation),
    editable: false,
  };
}
