import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

/** The user's manual: README.md and every docs/*.md. */
const DOCS = [
  "README.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks and inline code spans, line by line (links in code are examples). */
function prose(text: string): string[] {
  let fenced = false;
  return text.split("\n").map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return "";
    }
    return fenced ? "" : line.replace(/`[^`]*`/g, "");
  });
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens; repeats get -1, -2, … */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = (heading[1] ?? "")
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

function relativeLinks(file: string): Link[] {
  const links: Link[] = [];
  prose(readFileSync(file, "utf8")).forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      links.push({ file, line: i + 1, target });
    }
  });
  return links;
}

describe("links in README.md and docs/", () => {
  it("finds the manual's files and their links", () => {
    expect(DOCS).toContain("README.md");
    expect(DOCS).toContain("docs/cli.md");
    expect(relativeLinks("README.md").length).toBeGreaterThan(10);
  });

  it("every relative link names a file or folder of the repository, and every #anchor a heading in it", () => {
    const broken: string[] = [];
    for (const file of DOCS) {
      for (const { line, target } of relativeLinks(file)) {
        const [path = "", anchor] = target.split("#");
        const resolved = path === "" ? file : normalize(join(dirname(file), decodeURI(path)));
        if (resolved.startsWith("..") || !existsSync(resolved)) {
          broken.push(`${file}:${line} ${target}: no file ${resolved}`);
          continue;
        }
        if (anchor && statSync(resolved).isFile() && resolved.endsWith(".md") && !anchors(resolved).has(anchor))
          broken.push(`${file}:${line} ${target}: ${resolved} has no heading with the anchor #${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("the README links every page of docs/, so each one is reachable from its table of contents", () => {
    const linked = new Set(relativeLinks("README.md").map((l) => normalize(l.target.split("#")[0] ?? "")));
    const unlisted = DOCS.filter((f) => f.startsWith("docs/") && !linked.has(f));
    expect(unlisted).toEqual([]);
  });

  it("keeps the README a manual of at most 250 lines; reference material goes to docs/", () => {
    expect(readFileSync("README.md", "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("never points outside the repository (no ../shared/, no path above the root)", () => {
    const outside = DOCS.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((text, i) => (text.includes("../shared/") ? [`${file}:${i + 1}`] : [])),
    );
    expect(outside).toEqual([]);
  });
});
