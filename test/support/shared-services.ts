/**
 * The shared-services scenario: the reference config plus `services.yaml`, an environment in the shared-services
 * segment (`segment: shared`, 10.40.0.0/16, two AZs, no app tier), and intents about it: prod (centrally
 * inspected) and dev reach it and it reaches both back, on-prem reaches it, and neither prod nor dev reaches the
 * other, directly or relayed through it (`through: services`).
 */
import { type ConfigEdits, replace, referenceWith } from "./config-dir.js";

/** The shared-services environment file added by {@link sharedServicesConfigDir}. */
export const SERVICES_YAML = `name: services
accountId: "777777777777"
region: eu-west-1
segment: shared
vpc:
  cidr: 10.40.0.0/16
  azCount: 2
  natGateways: single
alerts:
  emails:
    - platform-alerts@acme.example
`;

/** Intents appended to the reference's `routing.intents` by {@link sharedServicesConfigDir}. */
export const SHARED_SERVICES_INTENTS = `    - name: prod-to-shared
      from: prod/privateApp
      to: services/privateApp
      expect: { via: inspection }
    - name: shared-to-prod
      from: services/privateApp
      to: prod/privateApp
      expect: { via: inspection }
    - name: dev-to-shared
      from: dev/privateApp
      to: services/privateApp
      expect: reached
    - name: shared-to-test
      from: services/privateApp
      to: test/privateApp
      expect: reached
    - name: onprem-to-shared
      from: onprem:172.16.10.10
      to: services/privateApp
      expect: { via: directconnect }
      failures:
        directconnect-down: { via: vpn }
    - name: prod-via-shared-to-dev-denied
      from: prod/privateApp
      to: dev/privateApp
      through: services
      expect: denied
    - name: dev-via-shared-to-prod-denied
      from: dev/privateApp
      to: prod/privateData
      through: services
      expect: denied
`;

/** The edits that add the shared-services environment and its intents to the reference config. */
export function sharedServicesEdits(): ConfigEdits {
  return {
    "services.yaml": SERVICES_YAML,
    "shared.yaml": replace("\n# The bootstrap stack", `${SHARED_SERVICES_INTENTS}\n# The bootstrap stack`),
  };
}

/** A temp copy of the reference config with the shared-services scenario. Clean up with `cleanupConfigDirs`. */
export function sharedServicesConfigDir(edits: ConfigEdits = {}): string {
  return referenceWith({ ...sharedServicesEdits(), ...edits });
}
