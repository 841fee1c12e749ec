import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram } from "../../src/diagram/areas.js";
import { cleanupConfigDirs, REFERENCE_DIR } from "../support/config-dir.js";
import { LOG_ARCHIVE_ACCOUNT_ID, organizationWith, SECURITY_TOOLING_ACCOUNT_ID } from "../support/organization.js";

afterAll(cleanupConfigDirs);

describe("the core accounts in the diagram", () => {
  it("draws the log archive and the security tooling account with the layer, and nothing without it", () => {
    const d = buildDiagram(loadConfig(organizationWith()));
    const archive = d.clusters.find((c) => c.id === "account_log_archive");
    expect(archive?.label).toBe(`log archive · account ${LOG_ARCHIVE_ACCOUNT_ID} · eu-west-1`);
    expect(archive?.nodes[0]?.lines).toContain(`acme-log-archive-${LOG_ARCHIVE_ACCOUNT_ID} (Object Lock 365 d)`);
    const security = d.clusters.find((c) => c.id === "account_security_tooling");
    expect(security?.label).toBe(`security tooling · account ${SECURITY_TOOLING_ACCOUNT_ID} · eu-west-1`);
    expect(security?.nodes[0]?.lines).toContain("Security Hub central configuration");
    expect(d.edges).toContainEqual(expect.objectContaining({ from: "security_tooling_services", to: "log_archive" }));
    const plain = buildDiagram(loadConfig(REFERENCE_DIR));
    expect(plain.clusters.map((c) => c.id)).not.toContain("account_log_archive");
  });
});
