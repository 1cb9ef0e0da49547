// Messages of offers in both languages; en.ts and ja.ts take them in.
export const offersEn = {
} as const;

export const offersJa: Record<keyof typeof offersEn, string> = {
};
