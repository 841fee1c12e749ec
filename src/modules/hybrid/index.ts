export { DirectConnectGateway, type DirectConnectGatewayProps } from "./direct-connect.js";
export { SiteToSiteVpn, type IkePhase, type SiteToSiteVpnProps } from "./vpn.js";
