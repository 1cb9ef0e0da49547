// Messages of rounds in both languages; en.ts and ja.ts take them in.
export const roundsEn = {
} as const;

export const roundsJa: Record<keyof typeof roundsEn, string> = {
};
