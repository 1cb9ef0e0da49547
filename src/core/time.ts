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
