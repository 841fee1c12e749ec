/**
 * The per-vpc inspection scenario: the shipped config with `test` switched to `inspection: per-vpc` (prod stays
 * on central inspection) and two intents about it: test egress through its own firewall, and the internet
 * reaching test's public subnets (the ALB) through the firewall. Used by the synth test and the real-Terraform test.
 */
import { replace, referenceWith } from "./config-dir.js";

/** Intents added to shared.yaml by {@link perVpcConfigDir}. */
export const PER_VPC_INTENTS = `    - name: test-egress-inspected
      from: test/privateApp
      to: internet
      expect: { via: inspection }
      failures:
        az-a-down: denied      # test has one NAT gateway, in AZ a
    - name: internet-to-test-public
      from: internet
      to: test/public
      expect: { via: inspection }
`;

/** A temp copy of the shipped config with `test` on per-vpc inspection. Clean up with `cleanupConfigDirs`. */
export function perVpcConfigDir(): string {
  return referenceWith({
    "test.yaml": (t) => `${t}inspection: per-vpc\n`,
    "shared.yaml": replace(
      "      to: internet\n      expect: { via: inspection }\n",
      `      to: internet\n      expect: { via: inspection }\n${PER_VPC_INTENTS}`,
    ),
  });
}
