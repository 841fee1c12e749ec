export { DNS_PORT, ResolverHub, type ResolverEndpointIp, type ResolverHubProps, type ResolverHubRule } from "./resolver-hub.js";
export { SharedResolverRules, type SharedResolverRulesProps } from "./shared-rules.js";
export {
  DNS_FIREWALL_ASSOCIATION_PRIORITY,
  DnsFirewall,
  type DnsFirewallProps,
  ResolverQueryLogging,
  type ResolverQueryLoggingProps,
} from "./vpc-dns.js";
