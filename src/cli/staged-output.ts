/**
 * Writes an output folder all at once: the new content is built in a temporary sibling, and only when it
 * is complete does it replace the old folder (two renames in the same parent folder). A failure while
 * building leaves the old folder exactly as it was and removes the temporary one.
 *
 * For an output `cdktf.out` the siblings are `.cdktf.out.tmp-<pid>` (being built) and `.cdktf.out.old-<pid>`
 * (the previous output during the swap); `.gitignore` already ignores `.cdktf.out.*`. A run that was
 * killed can leave them behind: the next run removes those whose process has ended, and puts back a
 * previous output that a killed swap left aside.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when a process with this id exists (ours or another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A new output being built next to its target. Create with {@link StagedOutput.begin}. */
export class StagedOutput {
  /** The folder to build into. */
  readonly path: string;
  /** Where the previous output waits during {@link commit}. */
  private readonly aside: string;

  private constructor(
    /** The output folder this one replaces on {@link commit}. */
    readonly target: string,
    pid: number,
  ) {
    const abs = resolve(target);
    this.path = join(dirname(abs), `.${basename(abs)}.tmp-${pid}`);
    this.aside = join(dirname(abs), `.${basename(abs)}.old-${pid}`);
  }

  /**
   * Creates the empty temporary folder for `target` (and `target`'s parent folders), after cleaning up
   * after killed runs.
   * @param pid the process id in the sibling names. @default process.pid
   */
  static begin(target: string, pid: number = process.pid): StagedOutput {
    const staged = new StagedOutput(target, pid);
    const parent = dirname(staged.path);
    mkdirSync(parent, { recursive: true });
    staged.cleanUpAfterKilledRuns(parent, pid);
    rmSync(staged.path, { recursive: true, force: true });
    mkdirSync(staged.path);
    return staged;
  }

  /** Siblings of earlier runs whose process has ended: restore a previous output set aside, remove the rest. */
  private cleanUpAfterKilledRuns(parent: string, pid: number): void {
    const pattern = new RegExp(`^\\.${escapeRegExp(basename(resolve(this.target)))}\\.(tmp|old)-(\\d+)$`);
    for (const name of readdirSync(parent).sort()) {
      const m = pattern.exec(name);
      if (!m || Number(m[2]) === pid || isRunning(Number(m[2]))) continue;
      const path = join(parent, name);
      if (m[1] === "old" && !existsSync(this.target)) renameSync(path, this.target);
      else rmSync(path, { recursive: true, force: true });
    }
  }

  /**
   * Puts the built folder in place of the target: the previous target (if any) is renamed aside, the
   * built folder renamed to the target, and the previous one removed. If the second rename fails, the
   * previous target is put back and the error rethrown.
   */
  commit(): void {
    const hadTarget = existsSync(this.target);
    if (hadTarget) renameSync(this.target, this.aside);
    try {
      renameSync(this.path, this.target);
    } catch (e) {
      if (hadTarget) renameSync(this.aside, this.target);
      throw e;
    }
    if (!hadTarget) return;
    try {
      rmSync(this.aside, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // The new output is in place; the next run removes what is left of the old one.
    }
  }

  /** Removes the temporary folder; the target is left as it was. Safe to call after {@link commit}. */
  discard(): void {
    rmSync(this.path, { recursive: true, force: true, maxRetries: 2 });
  }
}
