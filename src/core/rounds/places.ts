// Kinds of places (参加枠) as organizers type them: "一般:20, 学生:5, オンライン:50",
// "general 20; student 5". Full-width digits and colons are read as ASCII.

export const PLACE_LIMITS = { kinds: 5, label: 40, capacity: 10_000 } as const;

export interface PlaceDraft {
  label: string;
  capacity: number;
}

const ITEM = /^(.+?)\s*[:=]?\s*(\d+)$/;

/** The kinds in order, or undefined when an item is not "name capacity", a name repeats, or a limit is passed. */
export function parsePlaces(text: string): PlaceDraft[] | undefined {
  const items = text.normalize("NFKC").split(/[,、;\n]+/).map((part) => part.trim()).filter(Boolean);
  if (items.length === 0 || items.length > PLACE_LIMITS.kinds) return undefined;
  const places: PlaceDraft[] = [];
  for (const item of items) {
    const match = ITEM.exec(item);
    const label = match?.[1]?.trim() ?? "";
    const capacity = Number(match?.[2]);
    if (!label || label.length > PLACE_LIMITS.label || label.includes(":") || !(capacity >= 1 && capacity <= PLACE_LIMITS.capacity)) return undefined;
    if (places.some((p) => p.label.toLowerCase() === label.toLowerCase())) return undefined;
    places.push({ label, capacity });
  }
  return places;
}
