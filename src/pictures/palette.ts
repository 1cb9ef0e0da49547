/**
 * A fixed categorical palette (Tableau 10 followed by lighter partners, reordered so that the first
 * twelve stay far apart): the n-th group always gets the same colour.
 */
export const PALETTE: readonly string[] = [
  "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
  "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#1F77B4", "#8C564B",
  "#A0CBE8", "#FFBE7D", "#FF9D9A", "#86BCB6", "#8CD17D", "#F1CE63",
  "#D4A6C8", "#D7B5A6",
];

export function colourAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
