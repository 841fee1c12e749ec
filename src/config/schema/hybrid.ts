/**
 * Hybrid connectivity and inspection: shared.yaml's `networkHub.hybrid` (Direct Connect, Site-to-Site VPN, the
 * central inspection VPC) and an environment's `onPremisesAccess`. The environment's `inspection` mode is in
 * ./index.ts; src/config/validate/hybrid.ts holds the cross-field rules.
 */
import { z } from "zod";
import { Asn, Ipv4Address, Ipv4Cidr } from "./common.js";
import { logRetentionDays } from "./log-retention.js";

/**
 * A secret kept in AWS Secrets Manager, by name or ARN. Its value is read at apply time
 * (`data.aws_secretsmanager_secret_version`) and never written in the YAML or in git.
 */
export const SecretReference = z
  .strictObject({
    secretsManagerSecretId: z
      .string()
      .regex(/^(arn:aws(-cn|-us-gov)?:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+|[\w/+=.@-]{1,512})$/, {
        error: "Write a Secrets Manager secret name or ARN, for example acme/network/dx-bgp-auth-key.",
      })
      .meta({ description: "Name or ARN of the Secrets Manager secret whose SecretString is the value." }),
  })
  .meta({ description: "A value referenced from AWS Secrets Manager; the config never holds the value itself." });

/** Transit virtual interface on an existing Direct Connect connection. */
export const TransitVirtualInterface = z
  .strictObject({
    connectionId: z
      .string()
      .regex(/^dx(con|lag)-[a-z0-9]{8,}$/, {
        error: "Write the id of an existing dedicated or hosted connection (or LAG), for example dxcon-fgabc123.",
      })
      .meta({
        description: "Existing dedicated or hosted Direct Connect connection (dxcon-…) or LAG (dxlag-…) to create the interface on.",
      }),
    vlan: z
      .int({ error: "Write the VLAN id as a whole number from 1 to 4094." })
      .min(1, { error: "A VLAN id is 1 to 4094." })
      .max(4094, { error: "A VLAN id is 1 to 4094." })
      .meta({ description: "802.1Q VLAN id, 1-4094 (the one your provider assigned on a hosted connection)." }),
    customerAsn: Asn.optional().meta({
      description: "BGP ASN of the on-prem router on this interface. @default networkHub.onPremises.bgpAsn",
    }),
    mtu: z
      .literal([1500, 8500], { error: "Write mtu: 1500 or mtu: 8500 (jumbo frames)." })
      .default(8500)
      .meta({ description: "MTU in bytes: 1500 or 8500 (jumbo frames on a transit VIF). @default 8500" }),
    bgpAuthKey: SecretReference.meta({ description: "BGP MD5 authentication key, referenced from Secrets Manager." }),
    amazonAddress: Ipv4Cidr.optional().meta({
      description:
        "BGP peer address on the Amazon side with its prefix length (169.254.100.1/30); set with customerAddress, in the same subnet. @default AWS assigns both from 169.254.0.0/16",
    }),
    customerAddress: Ipv4Cidr.optional().meta({
      description:
        "BGP peer address of the on-prem router with its prefix length (169.254.100.2/30). @default AWS assigns it with amazonAddress",
    }),
  })
  .meta({ description: "A transit virtual interface to the Direct Connect gateway. Changing vlan or connectionId replaces it." });

/**
 * Name of one link in the plural forms (`transitVirtualInterfaces`, `vpns`): lower-case words joined by hyphens.
 * It names the link's failure scenarios in `lz routes` (`directconnect-<name>-down`, `vpn-<name>-tunnel-1-down`),
 * its Terraform addresses (after the first entry) and its AWS name tags; "tunnel" is reserved for those scenario names.
 */
export const LinkName = z
  .string()
  .regex(/^(?!.*tunnel)[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    error:
      "Write a name of lower-case letters, digits and hyphens that starts with a letter and does not contain tunnel, for example primary.",
  })
  .max(24, { error: "Keep the name to 24 characters; it is part of alarm names and log group names." })
  .meta({ description: "Name of the link: lower-case letters, digits and hyphens (no 'tunnel'), at most 24 characters." });

/** A transit virtual interface in the plural form: named, at a Direct Connect location. */
export const NamedTransitVirtualInterface = TransitVirtualInterface.extend({
  name: LinkName,
  location: z
    .string()
    .regex(/^[A-Za-z0-9]{2,16}$/, {
      error: "Write the Direct Connect location code of the connection, for example EqLD5 (aws directconnect describe-locations).",
    })
    .meta({
      description:
        "Direct Connect location code of the connection (DescribeLocations, for example EqLD5). Failure scenario dx-location-<code>-down takes down every interface there.",
    }),
}).meta({
  description:
    "A transit virtual interface on its own connection. The first entry keeps the Terraform addresses and AWS name of the single transitVirtualInterface; append links, never reorder them.",
});

/** Direct Connect: the gateway, an optional transit VIF, and the association with the transit gateway. */
export const DirectConnectSettings = z
  .strictObject({
    gateway: z
      .strictObject({
        amazonSideAsn: Asn.meta({
          description:
            "Amazon-side ASN of the Direct Connect gateway; must differ from the transit gateway's. Changing it replaces the gateway.",
        }),
      })
      .meta({ description: "The Direct Connect gateway." }),
    transitVirtualInterface: TransitVirtualInterface.optional(),
    transitVirtualInterfaces: z
      .array(NamedTransitVirtualInterface)
      .min(1, { error: "List at least one interface, or remove transitVirtualInterfaces." })
      .max(30, { error: "A Direct Connect gateway takes at most 30 virtual interfaces (Direct Connect quotas)." })
      .optional()
      .meta({
        description:
          "Several transit virtual interfaces on the one Direct Connect gateway, each on its own connection, for AWS's high- or maximum-resiliency model (connections at two or more locations). Instead of transitVirtualInterface, never with it.",
      }),
    allowedPrefixes: z
      .array(Ipv4Cidr)
      .min(1, { error: "List at least one prefix, or remove allowedPrefixes to use the default." })
      .max(200, { error: "AWS accepts at most 200 allowed prefixes on a transit gateway association. Summarize them." })
      .optional()
      .meta({
        description:
          "Prefixes AWS advertises to on-prem over Direct Connect (at most 200). @default the VPC CIDRs of the environments on-prem may reach, each as it is (a summary would lose to the VPN's longer prefixes)",
      }),
  })
  .meta({ description: "AWS Direct Connect: primary path to on-prem." });

const ikePhase = (phase: 1 | 2, minSeconds: number, maxSeconds: number) =>
  z
    .strictObject({
      encryptionAlgorithms: z
        .array(z.enum(["AES256", "AES256-GCM-16"], { error: "Write AES256 or AES256-GCM-16." }))
        .min(1)
        .default(["AES256-GCM-16"])
        .meta({ description: `Phase ${phase} encryption: AES256 and/or AES256-GCM-16. @default [AES256-GCM-16]` }),
      integrityAlgorithms: z
        .array(z.enum(["SHA2-256", "SHA2-384", "SHA2-512"], { error: "Write SHA2-256, SHA2-384 or SHA2-512." }))
        .min(1)
        .default(["SHA2-256"])
        .meta({ description: `Phase ${phase} integrity: SHA2-256, SHA2-384, SHA2-512. @default [SHA2-256]` }),
      dhGroupNumbers: z
        .array(z.literal([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], { error: "Write a Diffie-Hellman group from 14 to 24." }))
        .min(1)
        .default([20])
        .meta({ description: `Phase ${phase} Diffie-Hellman groups, 14-24. @default [20]` }),
      lifetimeSeconds: z
        .int()
        .min(minSeconds, { error: `AWS accepts a phase ${phase} lifetime of ${minSeconds} to ${maxSeconds} seconds.` })
        .max(maxSeconds, { error: `AWS accepts a phase ${phase} lifetime of ${minSeconds} to ${maxSeconds} seconds.` })
        .default(maxSeconds)
        .meta({ description: `Phase ${phase} lifetime in seconds, ${minSeconds}-${maxSeconds}. @default ${maxSeconds}` }),
    })
    .meta({ description: `IKE phase ${phase} proposals of both tunnels.` });

/** One VPN tunnel. */
export const VpnTunnel = z
  .strictObject({
    insideCidr: Ipv4Cidr.meta({ description: "/30 inside 169.254.0.0/16, outside AWS's reserved /30s, distinct from the other tunnel's." }),
    preSharedKey: SecretReference.optional().meta({ description: "Pre-shared key from Secrets Manager. @default AWS generates one" }),
  })
  .meta({ description: "One of the two tunnels of the VPN connection." });

/** Site-to-Site VPN on the transit gateway: the backup path. */
export const VpnSettings = z
  .strictObject({
    customerGateway: z
      .strictObject({
        ipAddress: Ipv4Address.meta({
          description: "Public IPv4 address of the on-prem VPN device. Changing it replaces the customer gateway.",
        }),
        bgpAsn: Asn.optional().meta({ description: "BGP ASN of the on-prem VPN device. @default networkHub.onPremises.bgpAsn" }),
      })
      .meta({ description: "The on-prem VPN device." }),
    staticRoutesOnly: z
      .boolean()
      .default(false)
      .meta({ description: "false: BGP (required alongside Direct Connect, so DX-propagated routes win). @default false" }),
    tunnels: z
      .tuple([VpnTunnel, VpnTunnel], { error: "List exactly two tunnels." })
      .meta({ description: "The two tunnels, each with its /30 inside CIDR." }),
    ikeVersions: z
      .array(z.literal("ikev2", { error: "Only ikev2 is allowed; IKEv1 is weaker and slower to rekey. Write ikeVersions: [ikev2]." }))
      .min(1)
      .default(["ikev2"])
      .meta({ description: "IKE versions: ikev2 only. @default [ikev2]" }),
    phase1: ikePhase(1, 900, 28800).default({
      encryptionAlgorithms: ["AES256-GCM-16"],
      integrityAlgorithms: ["SHA2-256"],
      dhGroupNumbers: [20],
      lifetimeSeconds: 28800,
    }),
    phase2: ikePhase(2, 900, 3600).default({
      encryptionAlgorithms: ["AES256-GCM-16"],
      integrityAlgorithms: ["SHA2-256"],
      dhGroupNumbers: [20],
      lifetimeSeconds: 3600,
    }),
    dpdTimeoutSeconds: z
      .int()
      .min(30, { error: "AWS's minimum dead peer detection timeout is 30 seconds." })
      .default(30)
      .meta({ description: "Dead peer detection timeout in seconds, at least 30. @default 30" }),
    dpdTimeoutAction: z
      .literal("restart", { error: "Write dpdTimeoutAction: restart, so AWS re-initiates IKE when the peer is lost." })
      .default("restart")
      .meta({ description: "What AWS does after a DPD timeout: restart. @default restart" }),
    logging: z
      .strictObject({
        retentionDays: logRetentionDays(365, "Tunnel log retention in days."),
      })
      .default({ retentionDays: 365 })
      .meta({ description: "Tunnel activity logs to a KMS-encrypted CloudWatch log group." }),
  })
  .meta({ description: "AWS Site-to-Site VPN attached to the transit gateway: backup path to on-prem." });

/** A Site-to-Site VPN in the plural form: named, each with its own customer gateway and two tunnels. */
export const NamedVpnSettings = VpnSettings.extend({ name: LinkName }).meta({
  description:
    "A Site-to-Site VPN connection with its own customer gateway. The first entry keeps the Terraform addresses and AWS names of the single vpn; append connections, never reorder them.",
});

/** The central inspection VPC in the hub account. */
export const InspectionSettings = z
  .strictObject({
    vpcCidr: Ipv4Cidr.meta({
      description: "Inspection VPC CIDR, /16 to /24, overlapping no other VPC or on-prem range. Changing it replaces the VPC.",
    }),
    azCount: z
      .literal([2, 3], { error: "Write azCount: 2 or azCount: 3." })
      .default(3)
      .meta({ description: "AZs with a firewall endpoint; at least the azCount of every centrally inspected VPC. @default 3" }),
    allowedDomains: z
      .array(
        z
          .string()
          .regex(/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/, { error: "Write a domain such as github.com, or .amazonaws.com for every subdomain." }),
      )
      .default([])
      .meta({ description: "Egress domain allow-list (HTTP Host / TLS SNI); a leading dot matches subdomains. @default [] (no egress)" }),
    suricataRules: z
      .array(z.string().min(1))
      .default([])
      .meta({ description: "Extra Suricata-compatible rules, one per entry, evaluated in strict order after the allow-list. @default []" }),
    logRetentionDays: logRetentionDays(365, "Retention of the FLOW and ALERT log groups, in days."),
  })
  .meta({
    description:
      "Central inspection VPC: AWS Network Firewall endpoints per AZ, appliance mode on its TGW attachment, central egress. Its allowedDomains, suricataRules and logRetentionDays are also the policy of every per-vpc firewall.",
  });

/** Hybrid connectivity and inspection in the hub. */
export const HybridSettings = z
  .strictObject({
    directConnect: DirectConnectSettings.optional(),
    vpn: VpnSettings.optional(),
    vpns: z.array(NamedVpnSettings).min(1, { error: "List at least one VPN connection, or remove vpns." }).optional().meta({
      description:
        "Several Site-to-Site VPN connections on the transit gateway, each with its own customer gateway (the transit gateway spreads flows over those up, ECMP). Instead of vpn, never with it.",
    }),
    inspection: InspectionSettings.optional(),
  })
  .meta({ description: "Direct Connect (primary), Site-to-Site VPN (backup) and the central inspection VPC." });

/** Which tiers of an environment on-prem may reach: `all`, `none`, or a list of on-prem CIDRs. */
const tierAccess = (tier: string, dflt: "all" | "none") =>
  z
    .union([z.enum(["all", "none"]), z.array(Ipv4Cidr).min(1)], { error: "Write all, none, or a list of on-prem CIDRs." })
    .default(dflt)
    .meta({ description: `On-prem access to the ${tier} tier: all, none, or only from the listed on-prem CIDRs. @default ${dflt}` });

/** On-prem access to a workload environment, per tier. */
export const OnPremisesAccess = z
  .strictObject({ privateApp: tierAccess("privateApp", "all"), privateData: tierAccess("privateData", "none") })
  .meta({ description: "Which tiers on-prem reaches. The public tier is never routed to on-prem." });
