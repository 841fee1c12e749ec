export { DirectConnectGateway, type DirectConnectGatewayProps, type DirectConnectVirtualInterface } from "./direct-connect.js";
export { SiteToSiteVpn, type IkePhase, type SiteToSiteVpnProps } from "./vpn.js";
