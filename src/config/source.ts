/**
 * Reading one YAML config file while keeping line and column of every node (eemeli/yaml).
 *
 * Malformed YAML, an empty file, a duplicate key, an alias bomb and binary data all become
 * {@link Problem}s with a position; nothing here throws for bad input.
 */
import { readFileSync, statSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { dottedPath, type Problem } from "./problems.js";

/** Largest config file accepted, in bytes. Real files are a few KiB; this stops accidental binaries. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;
/** Most alias expansions allowed while converting a document; more is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** One parsed YAML file: its data, and a way to find where any path in it was written. */
export interface SourceFile {
  /** Path as shown in messages. */
  readonly file: string;
  /** The plain data (before schema validation). */
  readonly data: unknown;
  /** Position of the node at `path`; for a missing key, the position of the closest existing parent. */
  locate(path: readonly PropertyKey[], opts?: { readonly key?: boolean }): { line: number; col: number };
  /** A {@link Problem} at `path`. `key: true` points at the mapping key rather than its value. */
  problem(path: readonly PropertyKey[], message: string, opts?: { readonly key?: boolean }): Problem;
}

/** Result of reading a file: either the file or the problems that stopped it being read. */
export type ReadResult = { readonly ok: true; readonly source: SourceFile } | { readonly ok: false; readonly problems: Problem[] };

/**
 * Reads and parses the YAML file at `filePath`. `displayPath` is the name used in messages.
 * Never throws for bad content; a missing or unreadable file is a problem too.
 */
export function readYamlFile(filePath: string, displayPath: string): ReadResult {
  const whole = (message: string): ReadResult => ({
    ok: false,
    problems: [{ file: displayPath, line: 1, col: 1, path: "(file)", message }],
  });
  let bytes: Buffer;
  try {
    if (statSync(filePath).size > MAX_CONFIG_FILE_BYTES) {
      return whole(
        `file is larger than ${MAX_CONFIG_FILE_BYTES} bytes. Config files are small YAML documents; check that the right file is in the config folder.`,
      );
    }
    bytes = readFileSync(filePath);
  } catch (e) {
    return whole(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? "unknown error"}). Check that it exists and is readable.`);
  }
  let text: string;
  try {
    if (bytes.includes(0)) throw new Error("NUL byte");
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return whole("file is not UTF-8 text (it looks binary). Config files must be UTF-8 YAML; remove the file or restore its text.");
  }
  return parseYamlText(text, displayPath);
}

/** Parses YAML text; see {@link readYamlFile}. Exported for tests. */
export function parseYamlText(text: string, displayPath: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const posOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems: Problem[] = doc.errors.map((err) => {
    const { line, col } = posOf(err.pos[0]);
    return { file: displayPath, line, col, path: "(file)", message: yamlErrorMessage(err.code, err.message) };
  });
  if (problems.length > 0) return { ok: false, problems };
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ""))) {
    return {
      ok: false,
      problems: [
        {
          file: displayPath,
          line: 1,
          col: 1,
          path: "(file)",
          message: "file is empty. Write a YAML mapping; see the shipped environments/ for an example, or remove the file.",
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const aliasBomb = /alias/i.test(String((e as Error).message));
    return {
      ok: false,
      problems: [
        {
          file: displayPath,
          line: 1,
          col: 1,
          path: "(file)",
          message: aliasBomb
            ? `file expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb). Write the values out instead of nesting aliases.`
            : `file cannot be read as data (${(e as Error).message}). Fix the YAML.`,
        },
      ],
    };
  }
  return { ok: true, source: makeSource(displayPath, doc, data, posOf) };
}

function yamlErrorMessage(code: string, raw: string): string {
  const first = raw.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "DUPLICATE_KEY":
      return "key appears twice in this mapping. Keep one of them; YAML keys must be unique.";
    case "TAB_AS_INDENT":
      return "tab used for indentation. Indent with spaces.";
    default:
      return `invalid YAML: ${first}. Fix the syntax at this position.`;
  }
}

function makeSource(file: string, doc: Document, data: unknown, posOf: (offset: number) => { line: number; col: number }): SourceFile {
  const locate = (path: readonly PropertyKey[], opts?: { readonly key?: boolean }) => {
    let node: unknown = doc.contents;
    let at: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const seg of path) {
      keyNode = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
        at = (pair.value as Node | null) ?? keyNode;
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
        node = node.items[seg];
        at = node as Node;
      } else break;
    }
    const target = opts?.key && keyNode ? keyNode : at;
    return target?.range ? posOf(target.range[0]) : { line: 1, col: 1 };
  };
  return {
    file,
    data,
    locate,
    problem: (path, message, opts) => ({ file, ...locate(path, opts), path: dottedPath(path), message }),
  };
}
