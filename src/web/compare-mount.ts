/**
 * "Compare" and the training GIF, wired to the page: the second worker (side-worker.ts), started
 * the first time either is used, the comparison panel and the GIF button. The page's controller
 * (page/controller.ts) hands over what they read of the page (its set-up, the opened file, the
 * latest frame) and how they change it.
 */
import * as Comlink from "comlink";
import { applyVariant, variantExperiment, type Variant } from "./compare.ts";
import type { SideWorker } from "./side-protocol.ts";
import { toExperiment, withPageSettings, type ExperimentJson, type Setup } from "./setup.ts";
import { ComparePanel } from "./ui/compare-panel.ts";
import { GifExport } from "./ui/gif-export.ts";

export interface PageAccess {
  setup(): Setup;
  /** The walkthrough's or opened file's experiment and its data files, or null. */
  file(): { experiment: ExperimentJson; files: Record<string, string> } | null;
  /** The data's columns (before any feature map), once the network is ready (null before). */
  inputs(): number | null;
  /** Epochs the page has trained. */
  epoch(): number;
  changedMidRun(): boolean;
  change(patch: Partial<Setup>): void;
  openFile(opened: { experiment: ExperimentJson; files: Record<string, string> }): void;
}

export interface CompareAndGif {
  /** After each build of the page: the comparison above the classroom footer, the GIF button under the output. */
  mount(app: HTMLElement, output: HTMLElement): void;
  /** The page's set-up changed (a comparison on other data starts again, if open). */
  baseChanged(): void;
  /** Whether the page has a network to train (not an imported model its data does not fit): the GIF needs one. */
  trainable(on: boolean): void;
}

export function compareAndGif(page: PageAccess): CompareAndGif {
  let side: Comlink.Remote<SideWorker> | null = null;
  const worker = (): Comlink.Remote<SideWorker> => (side ??= Comlink.wrap<SideWorker>(new Worker(new URL("./side-worker.ts", import.meta.url), { type: "module" })));

  /** The experiment the page trains now (the opened file as the page trains it, or the set-up's). */
  const pageExperiment = (epochs: number): ExperimentJson => {
    const file = page.file();
    return file ? withPageSettings(file.experiment, page.setup()) : toExperiment(page.setup(), epochs);
  };

  /** A multiple becomes the page's set-up; for a file, its changed experiment opens as the file. */
  const adopt = (v: Variant): void => {
    const file = page.file();
    const setup = page.setup();
    if (!file) return page.change(applyVariant(setup, v));
    if (Object.keys(v.patch).every((k) => k === "learningRate")) return page.change({ learningRate: v.patch.learningRate });
    page.openFile({ experiment: variantExperiment(setup, file.experiment, v), files: file.files });
  };

  const compare = new ComparePanel({ worker, base: () => ({ setup: page.setup(), file: page.file(), current: pageExperiment(1) }), adopt });
  const gif = new GifExport({
    worker,
    source: () => {
      const inputs = page.inputs();
      if (inputs === null) return null;
      const epochs = page.epoch();
      const experiment = pageExperiment(epochs);
      return { experiment, files: page.file()?.files ?? {}, epochs, inputs, name: String(experiment.name ?? "playground").replace(/[^A-Za-z0-9_-]+/g, "-"), changedMidRun: page.changedMidRun() };
    },
  });

  return {
    mount(app, output) {
      app.insertBefore(compare.root, app.querySelector("footer.classroom"));
      output.append(gif.root);
      compare.relabel();
      gif.relabel();
    },
    baseChanged: () => {
      compare.baseChanged();
      gif.setupChanged();
    },
    trainable: (on) => gif.available(on),
  };
}
