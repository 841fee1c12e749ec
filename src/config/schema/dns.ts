/**
 * Hybrid DNS with Route 53 Resolver: shared.yaml's `networkHub.dns`. The VPC of one environment hosts the inbound
 * and outbound Resolver endpoints, the forwarding rules to the on-prem DNS servers (shared through RAM with every
 * other workload account) and the private hosted zone of every environment. src/config/validate/dns.ts holds the
 * rules across fields and files (the environment exists, resolvers inside the on-prem CIDRs, on-prem access).
 * See docs/dns-endpoints.md.
 */
import { z } from "zod";
import { Ipv4Address } from "./common.js";
import { logRetentionDays } from "./log-retention.js";

/**
 * A DNS domain name without the trailing dot, lowercase: labels of a-z 0-9 - (1-63 characters, no leading or
 * trailing hyphen), at least two labels, at most 253 characters ("DNS domain name format",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html).
 */
export const DomainName = z
  .string({ error: "Write a domain name such as corp.acme.example." })
  .max(253, { error: "A domain name has at most 253 characters." })
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, {
    error: "Write a lowercase domain name without a trailing dot, such as corp.acme.example.",
  })
  .meta({ description: "DNS domain name, lowercase, without the trailing dot." });

/** DNS Firewall on every workload VPC: the domains it blocks. */
export const DnsFirewallSettings = z
  .strictObject({
    blockedDomains: z
      .array(
        z.string().regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, {
          error: "Write a domain such as malware.example, or *.malware.example for it and every subdomain.",
        }),
      )
      .min(1, { error: "List at least one domain to block, or remove dnsFirewall." })
      .meta({ description: "Domains DNS Firewall blocks (answers NXDOMAIN); *.example matches every subdomain." }),
  })
  .meta({ description: "Route 53 Resolver DNS Firewall: a rule group blocking the listed domains, associated with every workload VPC." });

/** `networkHub.dns`: hybrid DNS (see the file comment). */
export const DnsSettings = z
  .strictObject({
    resolverEndpointsIn: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, { error: "Write the name of an environment, for example prod." })
      .meta({
        description:
          "Environment whose VPC hosts the inbound and outbound Resolver endpoints (in its privateApp subnets, one IP per AZ), the forwarding rules and the private hosted zones. Its stack deploys right after the hub.",
      }),
    onPremisesDomains: z
      .array(DomainName)
      .min(1, { error: "List at least one on-premises domain, for example onPremisesDomains: [corp.acme.example]." })
      .meta({ description: "Domains resolved on-premises: one forwarding rule each, to onPremisesResolvers, in every workload VPC." }),
    onPremisesResolvers: z
      .array(Ipv4Address)
      .min(1, { error: "List at least one on-premises DNS server address." })
      .meta({ description: "IPv4 addresses of the on-prem DNS servers (port 53), inside networkHub.onPremises.cidrs." }),
    privateZoneDomain: DomainName.meta({
      description:
        "Parent domain of the private hosted zones: each environment gets <env>.<privateZoneDomain>, for example prod.aws.acme.example.",
    }),
    queryLogging: z
      .strictObject({
        enabled: z.boolean().default(true).meta({ description: "false: no Resolver query logging. @default true" }),
        retentionDays: logRetentionDays(365, "Query log retention in days (a CloudWatch Logs retention value)."),
      })
      .default({ enabled: true, retentionDays: 365 })
      .meta({ description: "Resolver query logging of every workload VPC to a KMS-encrypted CloudWatch log group in its account." }),
    dnsFirewall: DnsFirewallSettings.optional(),
  })
  .meta({ description: "Hybrid DNS with Route 53 Resolver (docs/dns-endpoints.md)." });

/** The parsed `networkHub.dns`. */
export type DnsSettingsFile = z.output<typeof DnsSettings>;
