import { describe, expect, it } from "vitest";
import { statefulReason } from "../../src/plan-guard/stateful.js";

describe("hybrid DNS in the plan guard", () => {
  it("guards a delete or replace of the Resolver endpoints, the forwarding rules and the private hosted zones", () => {
    expect(statefulReason("aws_route53_resolver_endpoint")).toMatch(/name resolution between on-prem and every VPC/);
    expect(statefulReason("aws_route53_resolver_rule")).toMatch(/every VPC in every account that associates the shared rule/);
    expect(statefulReason("aws_route53_zone")).toMatch(/private zone's records start empty/);
  });

  it("lets rule associations, query logging and DNS Firewall be replaced (they hold no state)", () => {
    for (const type of [
      "aws_route53_resolver_rule_association",
      "aws_route53_resolver_query_log_config",
      "aws_route53_resolver_firewall_rule_group",
    ])
      expect(statefulReason(type), type).toBeUndefined();
  });
});
