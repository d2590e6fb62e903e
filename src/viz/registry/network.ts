/** `network`: the layers as neurons and weighted edges (colour: sign, width: size). */
import { defineView } from "../view.ts";

export interface NetworkOptions {
  /** network: small output heatmaps inside the neurons (default true when the input is 2-D). */
  neuronHeatmaps?: boolean;
}

export const network = defineView({ name: "network", options: ["neuronHeatmaps"], needs: { trained: true }, applies: () => null });
