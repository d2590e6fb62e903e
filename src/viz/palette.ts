/**
 * Colours. Classes use the Okabe–Ito palette (safe for the common colour-vision deficiencies);
 * continuous values use viridis (cost) or a diverging blend between the two first class colours.
 */
export const PALETTE = {
  classes: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"],
  /** Positive weights / negative weights (network view). */
  positive: "#E69F00",
  negative: "#0072B2",
  ink: "#222222",
  muted: "#666666",
  grid: "#e6e6e6",
  axis: "#444444",
  highlight: "#D55E00",
  source: "#56B4E9",
  /** The one-feature article's colours for hidden neuron curves: red, blue, then the rest. */
  curves: ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"],
};

export function classColor(k: number): string {
  return PALETTE.classes[((k % PALETTE.classes.length) + PALETTE.classes.length) % PALETTE.classes.length];
}

/** @deprecated The old spelling of `classColor`, kept so code written against it still runs. */
export const classColour = classColor;

type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const h = hex.replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function rgbToHex([r, g, b]: Rgb): string {
  const c = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** a + t·(b − a) in RGB. */
export function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Multiplies a colour's brightness by k (k < 1 darkens). */
export function shade(hex: string, k: number): string {
  const [r, g, b] = hexToRgb(hex);
  return rgbToHex([r * k, g * k, b * k]);
}

const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

/** viridis(t), t ∈ [0, 1]. */
export function viridis(t: number): string {
  const u = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  return mix(VIRIDIS[i], VIRIDIS[i + 1], u - i);
}

/** Probability of class 1 → a light blend from class 0's colour through white to class 1's. */
export function probabilityColor(p: number, c0 = PALETTE.classes[0], c1 = PALETTE.classes[1], strength = 0.55): string {
  const q = Math.max(0, Math.min(1, p));
  return q < 0.5 ? mix("#ffffff", c0, (0.5 - q) * 2 * strength) : mix("#ffffff", c1, (q - 0.5) * 2 * strength);
}

/** A light tint of a class colour, used for the background of its decision region. */
export function tint(hex: string, strength: number): string {
  return mix("#ffffff", hex, strength);
}
