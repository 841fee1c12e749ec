/**
 * Vitest reporter used by `npm run bench:tests` (bench/tests.ts): writes one JSON file, named by the
 * `LZ_TEST_TIMES_FILE` environment variable, holding every test file's outcome and timings. Prints nothing.
 *
 * Shape: {@link TestTimes}. Durations are milliseconds as vitest measures them inside its worker (wall time of
 * that worker, so they overlap across workers and do not add up to the run's wall time).
 */
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** One test file's outcome and timings. */
export interface FileTimes {
  /** Path relative to the repository root, e.g. `test/cli/synth.test.ts`. */
  readonly file: string;
  /** Tests by final state (`passed`, `failed`, `skipped`, `pending`). */
  readonly tests: Readonly<Record<string, number>>;
  /** Importing the test file: its module graph and the top-level code and suite callbacks, in ms. */
  readonly collectMs: number;
  /** All tests and hooks of the file, in ms. */
  readonly testsMs: number;
  /** Vitest's own preparation of the worker for this file (runner, environment), in ms. */
  readonly prepareMs: number;
}

/** What the reporter writes. */
export interface TestTimes {
  readonly files: readonly FileTimes[];
  /** Errors outside any test (an unhandled rejection, a failed import). */
  readonly unhandledErrors: number;
}

export default class TestTimesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const out = process.env.LZ_TEST_TIMES_FILE;
    if (!out) return;
    const files = modules.map((m): FileTimes => {
      const tests: Record<string, number> = {};
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        tests[state] = (tests[state] ?? 0) + 1;
      }
      const d = m.diagnostic();
      return {
        file: relative(process.cwd(), m.moduleId),
        tests,
        collectMs: d.collectDuration,
        testsMs: d.duration,
        prepareMs: d.prepareDuration + d.environmentSetupDuration + d.setupDuration,
      };
    });
    const times: TestTimes = { files, unhandledErrors: unhandledErrors.length };
    writeFileSync(out, JSON.stringify(times, null, 2));
  }
}
