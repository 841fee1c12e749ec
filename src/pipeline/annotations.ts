/**
 * Config problems as GitHub Actions workflow commands, so a pull request shows each one on its YAML line
 * (`lz validate --format github`). Follows "Workflow commands for GitHub Actions", `error` with `file`,
 * `line`, `col` and `title` (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands),
 * and the escaping of the Actions toolkit (`@actions/core` command.ts): in the message `%`, CR and LF; in a
 * property also `:` and `,`.
 */

/** One problem to annotate: the fields of a config `Problem`. */
export interface AnnotatedProblem {
  /** Path relative to the repository root (the working directory of the job), e.g. `environments/dev.yaml`. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
  /** Dotted path of the setting, shown as the annotation's title. */
  readonly path: string;
  readonly message: string;
}

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * One `::error file=…,line=…,col=…,title=…::message` line per problem (`::warning` with `level` "warning"), each
 * ending in a newline; "" for none. Never throws.
 * @param level the annotation command. @default "error"
 */
export function githubAnnotations(problems: readonly AnnotatedProblem[], level: "error" | "warning" = "error"): string {
  return problems
    .map(
      (p) =>
        `::${level} file=${escapeProperty(p.file)},line=${p.line},col=${p.col},title=${escapeProperty(p.path)}::${escapeData(p.message)}\n`,
    )
    .join("");
}
