/**
 * Zones found valid so far: building a formatter costs about 35 µs, and a large pool names the
 * same few zones thousands of times. Only valid zones are kept, so the set is bounded by the
 * runtime's zone list whatever users type.
 */
const validZones = new Set<string>();

/** True for a time zone the runtime's ICU data knows (Asia/Tokyo, UTC, America/New_York …). */
export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  if (zone.length === 0) return false;
  validZones.add(zone);
  return true;
}

/**
 * Abbreviations a member may type for their zone. Only these two: each names one zone without
 * summer time. Others are ambiguous (CST is China's and America's, IST India's and Ireland's) or
 * name a standard time the zone leaves in summer (EST, PST), so they are refused with an example.
 */
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = { JST: "Asia/Tokyo", KST: "Asia/Seoul" };

/**
 * A time zone as a member types it ("Asia/Tokyo", "asia/tokyo", "JST", "UTC") in its proper
 * spelling, or nothing: an IANA Region/City name in any case, UTC (or GMT), or one of the
 * abbreviations above. Offsets (+09:00) and other abbreviations are refused: they do not follow
 * a place's summer time.
 */
export function readTimeZone(typed: string): string | undefined {
  const text = typed.trim();
  const upper = text.toUpperCase();
  if (upper === "UTC" || upper === "GMT") return "UTC";
  if (Object.hasOwn(ZONE_ABBREVIATIONS, upper)) return ZONE_ABBREVIATIONS[upper];
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(text) || !isValidTimeZone(text)) return undefined;
  // The spelling the runtime lists ("Asia/Tokyo" for "asia/tokyo"); a newer name it knows only as
  // an alias (Asia/Kolkata) is kept as typed when capitalized, else the runtime's own name.
  const listed = Intl.supportedValuesOf("timeZone").find((zone) => zone.toLowerCase() === text.toLowerCase());
  if (listed) return listed;
  return text.split("/").every((part) => /^[A-Z]/.test(part)) ? text : new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
}
