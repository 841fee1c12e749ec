/**
 * The adopt scenario: the reference config with an `adopt:` section in shared.yaml (every hub key) and in dev.yaml
 * (every workload key, dev has two AZs and a domain), as a team with an existing estate would write them. Used by
 * the config, synth and real-Terraform tests of adoption. The ids are made up but have the forms AWS gives them.
 */
import { referenceWith } from "./config-dir.js";

/** `adopt:` appended to shared.yaml: the network hub's existing resources. */
export const HUB_ADOPT = `
adopt:
  transitGateway: tgw-0a1b2c3d4e5f67890
  directConnectGateway: abcd1234-dcba-5678-be23-cdef9876ab45
  logBucket: acme-existing-logs
  cloudTrail: arn:aws:cloudtrail:eu-west-1:111111111111:trail/management-events
  guardDutyDetector: 12abc34d567e8fa901bc2d34e56789f0
  securityHubAccount: "111111111111"
  configRecorder: default
  configDeliveryChannel: default
`;

/** `adopt:` appended to dev.yaml: dev's existing VPC (two AZs), its gateway and subnets, zone and baseline. */
export const DEV_ADOPT = `
adopt:
  vpc: vpc-0d0e0f0a0b0c0d0e1
  internetGateway: igw-0d0e0f0a0b0c0d0e1
  subnets:
    public: [subnet-000000000000000a1, subnet-000000000000000a2]
    privateApp: [subnet-000000000000000b1, subnet-000000000000000b2]
    privateData: [subnet-000000000000000c1, subnet-000000000000000c2]
    transit: [subnet-000000000000000d1, subnet-000000000000000d2]
  hostedZone: Z0123456789ABCDEFGHIJ
  cloudTrail: arn:aws:cloudtrail:eu-west-1:222222222222:trail/dev-trail
  guardDutyDetector: 22abc34d567e8fa901bc2d34e56789f0
  securityHubAccount: "222222222222"
  configRecorder: default
  configDeliveryChannel: dev-channel
`;

/** Import blocks the adopt scenario's stacks emit: one per id above. */
export const ADOPTED_IMPORTS = { "network-hub": 8, "workload-dev": 16 } as const;

/** A temp copy of the reference config with {@link HUB_ADOPT} and {@link DEV_ADOPT}. Clean up with `cleanupConfigDirs`. */
export function adoptConfigDir(): string {
  return referenceWith({ "shared.yaml": (t) => `${t}${HUB_ADOPT}`, "dev.yaml": (t) => `${t}${DEV_ADOPT}` });
}
