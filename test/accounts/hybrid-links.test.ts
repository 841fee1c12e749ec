import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, referenceWith, replace } from "../support/config-dir.js";
import { configSynthesis, referenceSynthesis } from "../support/shared-synthesis.js";

afterAll(cleanupConfigDirs);

const SINGLE_VIF = /transitVirtualInterface:\n {8}connectionId: dxcon-ffabc123[^\n]*\n/;
const SINGLE_VPN = / {4}vpn:\n {6}customerGateway:\n/;

/** The reference with its single interface and VPN written as the first entries of the lists. */
const asLists = () =>
  referenceWith({
    "shared.yaml": (t) =>
      [
        replace(
          SINGLE_VIF,
          "transitVirtualInterfaces:\n        - name: primary\n          location: EqLD5\n          connectionId: dxcon-ffabc123\n",
        ),
        replace(
          "        vlan: 310\n        mtu: 8500\n        bgpAuthKey:",
          "          vlan: 310\n          mtu: 8500\n          bgpAuthKey:",
        ),
        replace(
          "          secretsManagerSecretId: acme/network/dx-bgp-auth-key\n",
          "            secretsManagerSecretId: acme/network/dx-bgp-auth-key\n",
        ),
        replace(SINGLE_VPN, "    vpns:\n      - name: site-a\n        customerGateway:\n"),
        (x: string) =>
          x.replace(
            /(\n {4}vpns:\n {6}- name: site-a\n {8}customerGateway:\n)([\s\S]*?)(\n {4}inspection:)/,
            (_m, head: string, body: string, tail: string) =>
              `${head}${body.replace(/\n {6}/g, "\n        ").replace(/^ {8}/, "          ")}${tail}`,
          ),
      ].reduce((x, e) => e(x), t),
  });

describe("redundant hybrid links in the hub stack", () => {
  it("synthesizes the single interface and VPN written as one-entry lists byte-identically (no address changes)", () => {
    const lists = configSynthesis(asLists());
    expect(lists.model.networkHub.hybrid!.vpns![0]!.link).toBe("site-a");
    expect(lists.model.networkHub.hybrid!.directConnect!.transitVirtualInterfaces[0]!.link).toBe("primary");
    expect(lists.text("network-hub")).toBe(referenceSynthesis().text("network-hub"));
  });
});
