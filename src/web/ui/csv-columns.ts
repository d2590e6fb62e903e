/**
 * Choosing a CSV's columns: after a CSV is opened (or dropped), its columns with a feature box
 * and a target choice each (at first all but the last, and the last), a small plot of the rows
 * over the first two chosen features coloured by the target, and a button that trains on the
 * choice. A choice that cannot train (no feature, a target with one value; the engine's checks
 * of the cells, which name the line and the column) shows its error and changes nothing.
 */
import { classPointColor, pointColor } from "./colors.ts";
import { el } from "./dom.ts";
import { t } from "../i18n.ts";
import { csvTable } from "../../data/csv.ts";
import { experimentForCsv, type OpenedFiles } from "./panels.ts";

/** The CSV's cells as the engine reads them (a CSV that does not parse has no columns to offer). */
function table(text: string, file: string): { header: string[]; rows: string[][] } {
  try {
    return csvTable(text, file);
  } catch {
    return { header: [], rows: [] };
  }
}

/**
 * The problem with a choice the page can tell before the engine checks it, or null: no feature,
 * or a target holding one value on every line (the caller adds that nothing was changed).
 */
export function columnsProblem(file: string, text: string, target: string, features: readonly string[]): string | null {
  if (features.filter((f) => f !== target).length === 0) return t("csv.noFeature");
  const { header, rows } = table(text, file);
  const k = header.indexOf(target);
  const values = new Set(rows.map((r) => r[k]));
  if (rows.length > 0 && values.size === 1) return t("csv.oneClass", { file, column: target, value: [...values][0] ?? "", last: rows.length + 1 });
  return null;
}

/** The chooser for the CSV an opened experiment was made from; `apply` gets the experiment of the new choice. */
export function csvColumnsBox(opened: OpenedFiles, apply: (next: OpenedFiles) => void, error: HTMLElement): HTMLElement | null {
  const data = (opened.experiment.data ?? {}) as { csv?: string; target?: string; features?: string[] };
  const name = data.csv;
  const text = name !== undefined ? opened.files[name] : undefined;
  if (!name || text === undefined) return null;
  const { header, rows } = table(text, name);
  let target = data.target ?? header[header.length - 1];
  const features = new Set(data.features ?? header.filter((h) => h !== target));
  const list = el("div", { class: "csv-columns", role: "group", "aria-label": t("csv.heading", { file: name }) });
  const preview = el("canvas", { class: "csv-preview", width: 240, height: 240, "data-testid": "csv-preview" });
  const axes = el("div", { class: "panel-note csv-axes", "data-testid": "csv-axes" });
  const head = el("div", { class: "csv-row csv-head" }, el("span", { text: t("csv.column") }), el("span", { text: t("csv.feature") }), el("span", { text: t("csv.target") }));
  list.append(head);
  header.forEach((column, c) => {
    const feature = el("input", { type: "checkbox", "data-testid": `csv-feature-${c}`, "data-column": column, checked: features.has(column) && column !== target, "aria-label": t("csv.featureOf", { column }) });
    const radio = el("input", { type: "radio", name: "csv-target", "data-testid": `csv-target-${c}`, "data-column": column, checked: column === target, "aria-label": t("csv.targetOf", { column }) });
    feature.addEventListener("change", () => {
      if (feature.checked) features.add(column);
      else features.delete(column);
      draw();
    });
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      target = column;
      // The target is not also a feature.
      features.delete(column);
      feature.checked = false;
      draw();
    });
    list.append(el("label", { class: "csv-row" }, el("span", { class: "csv-name", text: column }), feature, radio));
  });
  const button = el("button", { class: "text-button primary-text", "data-testid": "csv-apply", text: t("csv.apply") });
  button.addEventListener("click", () => {
    const chosen = header.filter((h) => features.has(h) && h !== target);
    const problem = columnsProblem(name, text, target, chosen);
    if (problem) {
      error.textContent = t("file.unchanged", { problem });
      return;
    }
    error.textContent = "";
    apply({ ...experimentForCsv(name, text, target, chosen), fromCsv: true });
  });

  /** The rows over the first two chosen features (one: along x), coloured by the target. */
  function draw(): void {
    const ctx = preview.getContext("2d");
    if (!ctx) return;
    const cols = header.map((h, c) => (features.has(h) && h !== target ? c : -1)).filter((c) => c >= 0).slice(0, 2);
    const k = header.indexOf(target);
    ctx.fillStyle = "#f7f7f7";
    ctx.fillRect(0, 0, preview.width, preview.height);
    axes.textContent = cols.length === 0 ? "" : cols.length === 1 ? t("csv.axis", { x: header[cols[0]] }) : t("csv.axes", { x: header[cols[0]], y: header[cols[1]] });
    if (cols.length === 0) return;
    const pts = rows.map((r) => ({ x: Number(r[cols[0]]), y: cols.length > 1 ? Number(r[cols[1]]) : 0, v: r[k] })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const ext = (vs: number[]): [number, number] => {
      const lo = Math.min(...vs);
      const hi = Math.max(...vs);
      return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
    };
    const [x0, x1] = ext(pts.map((p) => p.x));
    const [y0, y1] = ext(pts.map((p) => p.y));
    const classes = [...new Set(rows.map((r) => r[k]))].sort();
    const numeric = classes.length > 10 && classes.every((v) => Number.isFinite(Number(v)));
    const [v0, v1] = numeric ? ext(classes.map(Number)) : [0, 1];
    const side = preview.width;
    for (const p of pts) {
      ctx.fillStyle = numeric ? pointColor(((Number(p.v) - v0) / (v1 - v0)) * 2 - 1) : classPointColor(classes.indexOf(p.v));
      const px = 8 + ((p.x - x0) / (x1 - x0)) * (side - 16);
      const py = side - 8 - (cols.length > 1 ? ((p.y - y0) / (y1 - y0)) * (side - 16) : (side - 16) / 2);
      ctx.fillRect(px - 3, py - 3, 6, 6);
    }
  }
  draw();
  return el(
    "div",
    { class: "csv-chooser", "data-testid": "csv-columns" },
    el("strong", { text: t("csv.heading", { file: name }) }),
    el("span", { class: "panel-note", text: ` ${t("csv.rows", { n: rows.length })}` }),
    el("div", { class: "panel-note", text: t("csv.hint") }),
    el("div", { class: "csv-body" }, list, preview, axes),
    button,
  );
}
