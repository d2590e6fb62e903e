/** Glassbox's library API for Node: everything of the browser entry, plus files, PNG and GIF. */
export * from "./browser.ts";
import { installNodeEngine } from "./node-engine.ts";

// The engine's helper thread and V8 flags, which only Node has (src/core/wasm/host.ts).
installNodeEngine();
export { installNodeEngine };

// Node only: experiment and model files on disk, pictures as PNG and GIF.
export { loadExperiment, readJsonFile, readTextFrom } from "./cli/experiment-file.ts";
export { svgToPng, type RasterOptions } from "./render/png.ts";
export { encodeGif, type GifOptions } from "./render/gif.ts";
export { renderFrames, renderFramesAsync, framesToGif, framePngFiles, type FrameSequence } from "./render/frames.ts";
export { tileScenes } from "./render/compose.ts";
export { ANIMATIONS, ANIMATION_NAMES, type AnimationName, type Animation, type AnimateOptions, type AnimationInput } from "./animate/index.ts";
