/** LZ-LOG4: Network Firewalls log alerts and flows. */
import { asList, block } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * An `aws_networkfirewall_logging_configuration` whose `firewall_arn` refers to the firewall, with
 * `ALERT` and `FLOW` log types (https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html).
 */
export const networkFirewallLogging: PolicyRule = {
  id: "LZ-LOG4",
  level: "error",
  title: "Network Firewalls log ALERT and FLOW records",
  rationale: "Inspection without logs cannot prove what was dropped or let through.",
  sources: ["FSBP NetworkFirewall.2"],
  resourceTypes: ["aws_networkfirewall_firewall"],
  check: (r, stack) => {
    const configs = stack.referencing("aws_networkfirewall_logging_configuration", "firewall_arn", r);
    if (configs.length === 0)
      return nonCompliant(
        "no aws_networkfirewall_logging_configuration refers to this firewall. Add one with ALERT and FLOW destinations.",
      );
    const types = new Set(
      configs.flatMap((c) =>
        asList<Record<string, unknown>>(block(c.body.logging_configuration)?.log_destination_config).map((d) => String(d.log_type)),
      ),
    );
    const missing = ["ALERT", "FLOW"].filter((t) => !types.has(t));
    return missing.length === 0
      ? COMPLIANT
      : nonCompliant(`the logging configuration lacks ${missing.join(" and ")}. Add a log_destination_config for each.`);
  },
};
