import { describe, expect, it } from "vitest";
import { githubAnnotations } from "../../src/pipeline/annotations.js";

describe("githubAnnotations", () => {
  it("writes one ::error command per problem with file, line, column and the setting's path as title", () => {
    expect(
      githubAnnotations([
        { file: "environments/dev.yaml", line: 9, col: 9, path: "vpc.cidr", message: "Write an IPv4 CIDR block." },
        { file: "environments/shared.yaml", line: 1, col: 1, path: "(file)", message: "missing" },
      ]),
    ).toBe(
      "::error file=environments/dev.yaml,line=9,col=9,title=vpc.cidr::Write an IPv4 CIDR block.\n" +
        "::error file=environments/shared.yaml,line=1,col=1,title=(file)::missing\n",
    );
  });

  it("escapes %, CR and LF in the message, and also : and , in the properties", () => {
    expect(githubAnnotations([{ file: "a,b:c.yaml", line: 2, col: 3, path: 'tags["a,b"]', message: "100% wrong:\r\nnext, line" }])).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=tags["a%2Cb"]::100%25 wrong:%0D%0Anext, line\n',
    );
  });

  it("writes nothing for no problems", () => {
    expect(githubAnnotations([])).toBe("");
  });
});
