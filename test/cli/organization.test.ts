/**
 * `lz validate` and `lz stacks` on the organization layout, in process: while a core account is still to be created
 * (vending), validate succeeds with only the bootstrap and organization stacks and says which id to write.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, replace } from "../support/config-dir.js";
import { LOG_ARCHIVE_ACCOUNT_ID, organizationWith } from "../support/organization.js";
import { lzInProcess } from "./lz.js";

afterAll(cleanupConfigDirs);

describe("lz on the organization layout", () => {
  it("validate, while the log archive account is to be created, exits 0 with the organization stack and names the missing id", async () => {
    const dir = organizationWith({ "shared.yaml": replace(`      accountId: "${LOG_ARCHIVE_ACCOUNT_ID}"\n`, "") });
    const run = await lzInProcess(["validate", "--no-policy-pack", "--config", dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`OK ${dir}: 2 stacks (bootstrap, organization)\n`);
    expect(run.stderr).toContain("vending: only the organization stack is built until every core account has an id");
    expect(run.stderr).toContain(
      'organization.awsOrganizations.logArchive.accountId: the log-archive account (acme-log-archive) does not exist yet; after the apply write accountId: "<the log_archive_account_id output of the organization stack>"',
    );
    const json = await lzInProcess(["validate", "--no-policy-pack", "--format", "json", "--config", dir]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      stacks: ["bootstrap", "organization"],
      notice: expect.stringContaining("logArchive"),
    });
  });

  it("validate says nothing more once every core account has its id, and stacks lists the organization stack first", async () => {
    const dir = organizationWith();
    const run = await lzInProcess(["validate", "--no-policy-pack", "--config", dir]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const stacks = await lzInProcess(["stacks", "--config", dir]);
    expect(stacks.stdout).toMatch(/^ 1\. organization +account 999999999999 +eu-west-1 +environment organization +first$/m);
    expect(stacks.stdout).toMatch(/^ 2\. log-archive .* after organization$/m);
    expect(stacks.stdout).toMatch(/^ 4\. network-hub .* after organization, log-archive, security-tooling$/m);
  });
});
