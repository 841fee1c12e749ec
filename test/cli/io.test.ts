import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { colourEnabled, Progress, quietOnClosedPipe, styleFor } from "../../src/cli/io.js";
import { FakeStream, LZ_BIN, referenceProject, STACK_FRAME } from "./lz.js";

describe("colourEnabled", () => {
  const tty = new FakeStream(true);
  const pipe = new FakeStream(false);

  it.each([
    ["a terminal", tty, {}, true],
    ["a pipe", pipe, {}, false],
    ["a terminal with NO_COLOR=1", tty, { NO_COLOR: "1" }, false],
    ["a terminal with an empty NO_COLOR (unset, per no-color.org)", tty, { NO_COLOR: "" }, true],
    ["a terminal with TERM=dumb", tty, { TERM: "dumb" }, false],
    ["a pipe with FORCE_COLOR=1", pipe, { FORCE_COLOR: "1" }, true],
    ["a terminal with FORCE_COLOR=0", tty, { FORCE_COLOR: "0" }, false],
    ["a pipe with FORCE_COLOR=0", pipe, { FORCE_COLOR: "0" }, false],
    ["a pipe with FORCE_COLOR=1 and NO_COLOR=1", pipe, { FORCE_COLOR: "1", NO_COLOR: "1" }, false],
  ])("is %s → %s", (_, stream, env, expected) => {
    expect(colourEnabled(stream, env)).toBe(expected);
  });

  it("styles with ANSI codes when enabled and returns the text unchanged otherwise", () => {
    expect(styleFor(tty, {}).red("x")).toBe("\x1b[31mx\x1b[39m");
    expect(styleFor(tty, { NO_COLOR: "1" }).red("x")).toBe("x");
  });
});

describe("Progress", () => {
  it("shows each step while it runs and replaces it with a tick and the time, on a terminal", async () => {
    const stderr = new FakeStream(true);
    const progress = new Progress({ stdout: new FakeStream(true), stderr, env: { NO_COLOR: "1" } });
    expect(progress.enabled).toBe(true);
    expect(
      await progress.step(
        "Counting",
        (n) => `Counted ${n}`,
        () => 3,
      ),
    ).toBe(3);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ANSI escape sequences a terminal receives
    expect(stderr.text).toMatch(/^… Counting\r\x1b\[2K✓ Counted 3 {2}\d+\.\d\d s\n$/);
  });

  it("marks a failed step with a cross and rethrows its error", async () => {
    const stderr = new FakeStream(true);
    const progress = new Progress({ stdout: new FakeStream(true), stderr, env: { NO_COLOR: "1" } });
    const failing = progress.step(
      "Counting",
      () => "never",
      () => {
        throw new Error("boom");
      },
    );
    await expect(failing).rejects.toThrow("boom");
    expect(stderr.text).toBe("… Counting\r\x1b[2K✗ Counting\n");
  });

  it.each([
    ["stderr is not a terminal", false, {}],
    ["CI is set", true, { CI: "true" }],
  ])("stays silent when %s", async (_, isTTY, env) => {
    const stderr = new FakeStream(isTTY);
    const progress = new Progress({ stdout: new FakeStream(isTTY), stderr, env });
    expect(progress.enabled).toBe(false);
    expect(
      await progress.step(
        "Counting",
        () => "Counted",
        () => 1,
      ),
    ).toBe(1);
    expect(stderr.text).toBe("");
  });
});

describe("a closed pipe", () => {
  /** Runs lz with stdout and/or stderr piped into a reader that is closed before lz writes anything. */
  function closedReader(
    args: readonly string[],
    close: readonly ("stdout" | "stderr")[],
  ): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolvePromise, reject) => {
      const env: Record<string, string | undefined> = { ...process.env };
      delete env.LZ_CONFIG_DIR;
      const child = spawn(process.execPath, [LZ_BIN, ...args], { cwd: referenceProject(), env, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      for (const name of close) child[name].destroy();
      if (!close.includes("stderr")) child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolvePromise({ code, stderr }));
    });
  }

  it("ends lz help cost | head -1 quietly: exit 0, no EPIPE, no stack trace", async () => {
    const r = await closedReader(["help", "cost"], ["stdout"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("ends a long listing (lz stacks) quietly with its own exit status", async () => {
    const r = await closedReader(["stacks"], ["stdout"]);
    expect(r.stderr).not.toContain("EPIPE");
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(0);
  });

  it("keeps a failure's exit status 1 when stderr's reader is gone too", async () => {
    const r = await closedReader(["validate", "--config", "no/such/dir"], ["stdout", "stderr"]);
    expect(r.code).toBe(1);
  });

  it("rethrows a stream error other than a closed pipe", () => {
    let listener: ((e: NodeJS.ErrnoException) => void) | undefined;
    const stream = quietOnClosedPipe({ write: () => true, on: (_: "error", l: (e: NodeJS.ErrnoException) => void) => (listener = l) });
    const epipe = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    const other = Object.assign(new Error("write EIO"), { code: "EIO" });
    expect(() => listener?.(other)).toThrow("write EIO");
    listener?.(epipe);
    expect(stream.write("dropped")).toBe(false);
  });
});
