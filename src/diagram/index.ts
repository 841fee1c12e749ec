/** The topology diagram: model → {@link Diagram} (areas.ts) → DOT, Mermaid or SVG. */
export {
  appTierArea,
  buildDiagram,
  DIAGRAM_AREAS,
  hybridConnectivityArea,
  ids,
  inspectionArea,
  onPremisesArea,
  tgwWiringArea,
  transitGatewayArea,
  workloadVpcArea,
  type DiagramArea,
} from "./areas.js";
export { toDot } from "./dot.js";
export {
  DiagramBuilder,
  type ClusterKind,
  type Diagram,
  type DiagramCluster,
  type DiagramEdge,
  type DiagramNode,
  type EdgeStyle,
  type NodeKind,
} from "./graph.js";
export { toMermaid } from "./mermaid.js";
export { dotToSvg } from "./svg.js";

import type { LandingZoneModel } from "../config/index.js";
import { buildDiagram } from "./areas.js";
import { toDot } from "./dot.js";
import { toMermaid } from "./mermaid.js";
import { dotToSvg } from "./svg.js";

/** Output formats of `lz diagram`. */
export const DIAGRAM_FORMATS = ["svg", "dot", "mermaid"] as const;
/** One of {@link DIAGRAM_FORMATS}. */
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** The topology of `model` as text in `format` (an SVG document, DOT source or Mermaid source). */
export async function renderDiagram(model: LandingZoneModel, format: DiagramFormat): Promise<string> {
  const diagram = buildDiagram(model);
  if (format === "mermaid") return toMermaid(diagram);
  const dot = toDot(diagram);
  return format === "dot" ? dot : dotToSvg(dot);
}
