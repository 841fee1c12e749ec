/** LZ-NET1: no admin or database port is open to the whole internet. */
import { asList, isTrue, type SynthResource } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/** Ports that must never be reachable from 0.0.0.0/0 or ::/0, with their service names. */
export const ADMIN_AND_DATABASE_PORTS: Readonly<Record<number, string>> = {
  22: "SSH",
  3389: "RDP",
  3306: "MySQL",
  5432: "PostgreSQL",
  1433: "SQL Server",
  1521: "Oracle",
  6379: "Redis",
  11211: "Memcached",
  27017: "MongoDB",
  9200: "OpenSearch",
  2379: "etcd",
  5601: "Kibana",
  23: "Telnet",
};

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

interface Opening {
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  readonly sources: readonly string[];
}

const allProtocols = (p: string) => ["-1", "all"].includes(p.toLowerCase());

function openedPorts(o: Opening): string[] {
  if (!o.sources.some((s) => WORLD.has(s))) return [];
  const p = o.protocol.toLowerCase();
  if (!allProtocols(p) && !["tcp", "6", "udp", "17"].includes(p)) return [];
  const all = allProtocols(p) || (o.from <= 0 && o.to >= 65535) || (o.from === 0 && o.to === 0 && allProtocols(p));
  return Object.entries(ADMIN_AND_DATABASE_PORTS)
    .filter(([port]) => all || (Number(port) >= o.from && Number(port) <= o.to))
    .map(([port, name]) => `${port} (${name})`);
}

const num = (v: unknown, dflt: number) => (v === undefined || v === null || v === "" ? dflt : Number(v));

function openings(r: SynthResource): Opening[] | undefined {
  const b = r.body;
  const sg = (rule: Record<string, unknown>): Opening => ({
    protocol: String(rule.protocol ?? rule.ip_protocol ?? "-1"),
    from: num(rule.from_port, 0),
    to: num(rule.to_port, 65535),
    sources: [
      ...asList<string>(rule.cidr_blocks),
      ...asList<string>(rule.ipv6_cidr_blocks),
      ...asList<string>(rule.cidr_ipv4),
      ...asList<string>(rule.cidr_ipv6),
    ],
  });
  const acl = (rule: Record<string, unknown>): Opening | undefined =>
    String(rule.action ?? rule.rule_action).toLowerCase() === "allow"
      ? {
          protocol: String(rule.protocol ?? "-1"),
          from: num(rule.from_port, 0),
          to: num(rule.to_port, 65535),
          sources: [...asList<string>(rule.cidr_block), ...asList<string>(rule.ipv6_cidr_block)],
        }
      : undefined;
  switch (r.type) {
    case "aws_security_group":
      return asList<Record<string, unknown>>(b.ingress).map(sg);
    case "aws_security_group_rule":
      return b.type === "ingress" ? [sg(b)] : undefined;
    case "aws_vpc_security_group_ingress_rule":
      return [sg(b)];
    case "aws_network_acl":
      return asList<Record<string, unknown>>(b.ingress).flatMap((x) => asList<Opening>(acl(x)));
    case "aws_network_acl_rule":
      return isTrue(b.egress) ? undefined : asList<Opening>(acl(b));
    default:
      return undefined;
  }
}

/**
 * Security groups, security group rules (both resource styles) and network ACLs admit none of
 * {@link ADMIN_AND_DATABASE_PORTS} from `0.0.0.0/0` or `::/0` (all-protocol and whole-range rules
 * included). Admin access goes through SSM Session Manager; databases are reached from the app tier.
 */
export const openAdminPorts: PolicyRule = {
  id: "LZ-NET1",
  level: "error",
  title: "No security group or network ACL opens admin or database ports to 0.0.0.0/0 or ::/0",
  rationale: "Internet-wide scanners find open SSH, RDP and database ports within minutes; operators use Session Manager instead.",
  sources: [
    "FSBP EC2.13",
    "FSBP EC2.14",
    "FSBP EC2.19",
    "FSBP EC2.21",
    "CIS 5.1",
    "CIS 5.2",
    "CIS 5.3",
    "CKV_AWS_24",
    "CKV_AWS_25",
    "CKV_AWS_229",
  ],
  resourceTypes: [
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_network_acl",
    "aws_network_acl_rule",
  ],
  check: (r) => {
    const list = openings(r);
    if (list === undefined) return NOT_APPLICABLE;
    const ports = [...new Set(list.flatMap(openedPorts))];
    return ports.length === 0
      ? COMPLIANT
      : nonCompliant(
          `ingress from the internet (0.0.0.0/0 or ::/0) reaches ${ports.join(", ")}. Admit only the security groups or CIDRs that need it; operators use SSM Session Manager.`,
        );
  },
};
