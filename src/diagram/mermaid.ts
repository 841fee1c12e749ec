/**
 * A {@link Diagram} as a Mermaid flowchart (for Markdown that renders Mermaid, such as GitHub): clusters
 * become subgraphs, solid edges `-->`, dashed and dotted edges `-.->`, bold edges (static routes) `==>`.
 */
import type { Diagram, DiagramCluster, DiagramEdge } from "./graph.js";

/** Text in a Mermaid label: quotes and angle brackets as entities, lines joined with `<br/>`. */
function text(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;")).join("<br/>");
}

function cluster(c: DiagramCluster, indent: string): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}subgraph ${c.id}["${text([c.label])}"]`,
    ...c.nodes.map((n) => `${inner}${n.id}["<b>${text(n.lines.slice(0, 1))}</b><br/>${text(n.lines.slice(1))}"]`),
    ...c.clusters.flatMap((child) => cluster(child, inner)),
    `${indent}end`,
  ];
}

function edge(e: DiagramEdge): string {
  const arrow = e.style === "solid" ? "-->" : e.style === "bold" ? "==>" : "-.->";
  return `  ${e.from} ${arrow}${e.label ? `|${text([e.label])}|` : ""} ${e.to}`;
}

/** The legend with Mermaid's arrow for each line style: solid `-->`, dashed and dotted `-.->`, bold `==>`. */
function legend(text: string): string {
  return text
    .replace(/^solid/, "solid (-->)")
    .replace(/· dotted/, "· dotted (-.->)")
    .replace(/· dashed/, "· dashed (-.->)")
    .replace(/· bold/, "· bold (==>)");
}

/** The Mermaid source of `diagram` (`flowchart LR`). */
export function toMermaid(diagram: Diagram): string {
  return [
    `---`,
    `title: ${diagram.title}`,
    `---`,
    `%% ${legend(diagram.legend)}`,
    "flowchart LR",
    ...diagram.clusters.flatMap((c) => cluster(c, "  ")),
    ...diagram.edges.filter((e) => !e.invisible).map(edge),
    "",
  ].join("\n");
}
