import "server-only";
import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/http/client-address";
import { trustedProxyHops } from "@/lib/env";

/** The address this request came from (socket, or TRUSTED_PROXY_HOPS proxies in), for per-address limits. */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom(await headers(), trustedProxyHops());
}
