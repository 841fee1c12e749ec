/** LZ-NET5: site-to-site VPN tunnels use IKEv2 and strong algorithms only. */
import { asList } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";

/** Allowed values per tunnel option (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html). */
export const STRONG_VPN_OPTIONS: Readonly<Record<string, readonly (string | number)[]>> = {
  ike_versions: ["ikev2"],
  phase1_encryption_algorithms: ["AES256", "AES256-GCM-16"],
  phase2_encryption_algorithms: ["AES256", "AES256-GCM-16"],
  phase1_integrity_algorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase2_integrity_algorithms: ["SHA2-256", "SHA2-384", "SHA2-512"],
  phase1_dh_group_numbers: [19, 20, 21],
  phase2_dh_group_numbers: [19, 20, 21],
};

/**
 * `aws_vpn_connection`: for both tunnels, every option of {@link STRONG_VPN_OPTIONS} is set
 * (`tunnel1_ike_versions`, ...) and lists only allowed values. Unset means AWS offers everything,
 * IKEv1, SHA-1 and DH group 2 included, so unset is non-compliant.
 */
export const vpnCrypto: PolicyRule = {
  id: "LZ-NET5",
  level: "error",
  title: "VPN tunnels use IKEv2, AES-256, SHA-2 and elliptic-curve DH groups only",
  rationale: "AWS's defaults still offer IKEv1, SHA-1 and DH group 2 to stay compatible with old routers; a downgrade weakens the tunnel.",
  sources: ["AWS Site-to-Site VPN tunnel options (no FSBP/CIS control)"],
  resourceTypes: ["aws_vpn_connection"],
  check: (r) => {
    const problems: string[] = [];
    for (const tunnel of [1, 2]) {
      for (const [option, allowed] of Object.entries(STRONG_VPN_OPTIONS)) {
        const field = `tunnel${tunnel}_${option}`;
        const values = asList<string | number>(r.body[field]);
        if (values.length === 0) problems.push(`${field} is not set (AWS then offers weak choices). Set it to [${allowed.join(", ")}]`);
        else {
          const weak = values.filter((v) => !allowed.some((a) => String(a) === String(v)));
          if (weak.length > 0) problems.push(`${field} allows ${weak.join(", ")}. Keep only ${allowed.join(", ")}`);
        }
      }
    }
    return outcomeOf(problems);
  },
};
