/**
 * Every view the CLI, the gallery and the page can draw: one line per view, in the order the
 * CLI lists them. An entry (registry/<name>.ts) says when the view applies, which options it
 * reads and what the command line must provide; it holds no drawing code, so the page's main
 * thread can list the views without loading them. Each views/ module names the views it draws
 * (its `…_DRAWINGS`), and viz/index.ts binds them in this order (`VIEWS`). A new view: its entry
 * file, its drawing (named in its module's `…_DRAWINGS`) and one line here.
 */
import type { View, ViewInput } from "../view.ts";
import { activation } from "./activation.ts";
import { blueprint } from "./blueprint.ts";
import { boundary } from "./boundary.ts";
import { costSlice } from "./cost-slice.ts";
import { costSurface } from "./cost-surface.ts";
import { data } from "./data.ts";
import { forwardShapes } from "./forward-shapes.ts";
import { hidden } from "./hidden.ts";
import { history } from "./history.ts";
import { layerPass } from "./layer-pass.ts";
import { network } from "./network.ts";
import { neurons } from "./neurons.ts";
import { perceptron } from "./perceptron.ts";
import { shapes } from "./shapes.ts";
import { steps } from "./steps.ts";
import { surface } from "./surface.ts";
import { trajectory } from "./trajectory.ts";

export const VIEW_REGISTRY = [data, activation, neurons, costSlice, costSurface, trajectory, boundary, hidden, surface, network, history, steps, perceptron, blueprint, shapes, forwardShapes, layerPass] as const;

export type ViewName = (typeof VIEW_REGISTRY)[number]["name"];
export const VIEW_NAMES: readonly ViewName[] = VIEW_REGISTRY.map((v) => v.name);

const BY_NAME = new Map<string, (typeof VIEW_REGISTRY)[number]>(VIEW_REGISTRY.map((v) => [v.name, v]));

/** The registry entry of a view. */
export function viewEntry(name: ViewName): (typeof VIEW_REGISTRY)[number] {
  return BY_NAME.get(name)!;
}

/** Whether `name` is a view's name. */
export function isViewName(name: string): name is ViewName {
  return BY_NAME.has(name);
}

/** Why a view cannot draw this input (null when it can). */
export function viewApplies(name: ViewName, input: ViewInput): string | null {
  return viewEntry(name).applies(input);
}

type Entry = (typeof VIEW_REGISTRY)[number];
type PageEntry = Extract<Entry, { page: unknown }>;
/** A tab of the page's views panel. */
export type PageTab = PageEntry["page"]["tab"];

/** The page's views panel: its tabs in order, each the view it shows. */
export const PAGE_VIEWS: readonly { tab: PageTab; view: ViewName }[] = VIEW_REGISTRY.filter((v): v is PageEntry => "page" in v)
  .sort((a, b) => a.page.order - b.page.order)
  .map((v) => ({ tab: v.page.tab, view: v.name }));

/** Drawings by registry name: what a views/ module draws (viz/index.ts gathers them into VIEWS). */
export type ViewDrawings = { readonly [N in ViewName]?: View };
