import { find } from "linkifyjs";
import { parse } from "tldts";

// What counts as a link in a member's text: what linkifyjs finds with a scheme ("https://…"),
// and without one ("evil.xyz/claim") when its host is an IP address or ends in a suffix of the
// public-suffix list (tldts), so "v1.2" or "file.tsx" are not taken for links.

/** The dots a browser reads as "." in a host name (IDNA): "evil。xyz" is a link too. */
const DOTS = /[。｡．]/g;
/** An IPv4 address, which linkifyjs finds only after a scheme. */
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?(?:\/\S*)?/g;

export function linksIn(text: string): string[] {
  const readable = text.normalize("NFKC").replace(DOTS, ".");
  const links = find(readable, "url")
    .filter((link) => {
      if (/^[a-z][a-z\d+.-]*:/i.test(link.value)) return true;
      const host = parse(link.href);
      return host.isIp === true || (host.domain !== null && (host.isIcann === true || host.isPrivate === true));
    })
    .map((link) => link.value);
  const rest = links.reduce((left, link) => left.replace(link, " "), readable);
  return [...links, ...(rest.match(IPV4) ?? [])];
}

/** A link members can trust: http(s) with a host, written out in full, no user name or password in it. */
export function isSafeLink(link: string): boolean {
  if (!/^https?:\/\//i.test(link)) return false;
  try {
    const url = new URL(link);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}
