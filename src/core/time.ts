/** True for a time zone the runtime's ICU data knows (Asia/Tokyo, UTC, America/New_York …). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
