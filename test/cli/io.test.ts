import { describe, expect, it } from "vitest";
import { colourEnabled, Progress, styleFor } from "../../src/cli/io.js";
import { FakeStream } from "./lz.js";

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
