/**
 * Line charts added to a finished .xlsx (exceljs writes none): for each chart a DrawingML chart
 * part, one drawing part per sheet anchoring its charts to cells, the relationships between
 * them, and their content types. The series are references to cells, with no cached numbers,
 * so the charts draw whatever the formulas compute.
 */
import { escapeXml as esc } from "../viz/svg.ts";
import JSZip from "jszip";
import type { Chart } from "./cells.ts";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const hex = (c: string): string => c.replace("#", "").toUpperCase();

const rich = (text: string, size = 1200): string =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="0"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="0"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;

export function chartXml(chart: Chart): string {
  const points = Number(/\$(\d+)$/.exec(chart.categories)?.[1] ?? 0) - Number(/\$(\d+):/.exec(chart.categories)?.[1] ?? 0) + 1;
  const skip = Math.max(1, Math.ceil(points / 10));
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${esc(s.name)}</c:f></c:strRef></c:tx>` +
        `<c:spPr><a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="${hex(s.color)}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat><c:numRef><c:f>${esc(chart.categories)}</c:f></c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(s.values)}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${rich(chart.title, 1300)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="5001"/><c:axId val="5002"/></c:lineChart>` +
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:title>${rich(chart.xTitle, 1000)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="5002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="${skip}"/><c:tickMarkSkip val="${skip}"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:title>${rich(chart.yTitle, 1000)}<c:overlay val="0"/></c:title><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: Chart[], firstRel: number): string {
  const anchors = charts
    .map((c, i) => {
      const { col, row, cols, rows } = c.at;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
        `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${firstRel + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`;
}

const rels = (items: { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;

/** Elements that must follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

/** `chartsBySheet[k]` go on the k-th worksheet (sheet{k+1}.xml, exceljs's names). */
export async function addCharts(xlsx: Uint8Array, chartsBySheet: Chart[][]): Promise<Uint8Array> {
  if (chartsBySheet.every((c) => c.length === 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`sheet: the workbook has no part ${path}`);
    return f.async("string");
  };
  let types = await text("[Content_Types].xml");
  let chartNo = 0;
  let drawingNo = 0;
  for (let k = 0; k < chartsBySheet.length; k++) {
    const charts = chartsBySheet[k];
    if (!charts.length) continue;
    const sheetPath = `xl/worksheets/sheet${k + 1}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${k + 1}.xml.rels`;
    let sheetXml = await text(sheetPath);
    if (sheetXml.includes("<drawing ")) throw new Error(`sheet: ${sheetPath} already has a drawing`);
    const drawing = ++drawingNo;
    const chartRels = charts.map((c) => {
      const no = ++chartNo;
      zip.file(`xl/charts/chart${no}.xml`, chartXml(c));
      types = types.replace("</Types>", `<Override PartName="/xl/charts/chart${no}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      return { type: REL_CHART, target: `../charts/chart${no}.xml` };
    });
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(charts, 1));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, rels(chartRels.map((r, i) => ({ id: `rId${i + 1}`, ...r }))));
    types = types.replace("</Types>", `<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);

    // The sheet's relationship to its drawing, under an id the sheet does not use yet.
    const existing = zip.file(relsPath) ? await text(relsPath) : rels([]);
    const used = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let id = 1;
    while (used.has(`rId${id}`)) id++;
    zip.file(relsPath, existing.replace("</Relationships>", `<Relationship Id="rId${id}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawing}.xml"/></Relationships>`));
    if (!/xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
      sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
    }
    const at = Math.min(...AFTER_DRAWING.map((t) => sheetXml.indexOf(t)).filter((i) => i >= 0));
    sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="rId${id}"/>${sheetXml.slice(at)}`;
    zip.file(sheetPath, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
