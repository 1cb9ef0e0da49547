// The words of offers, asks and intros as fit and search compare them. Japanese has no spaces
// between words, so text is cut with Intl.Segmenter's dictionary; the same idea written in
// different scripts ("エクセル", "Excel") is brought to one key by CONCEPTS.

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/**
 * Ideas that members write in several scripts or words: the first spelling is the key every
 * other spelling stands for. Spellings are written as normalize() leaves them (lower case).
 */
const CONCEPTS: readonly (readonly string[])[] = [
  ["excel", "エクセル"],
  ["spreadsheet", "スプレッドシート", "表計算"],
  ["python", "パイソン"],
  ["javascript", "js", "ジャバスクリプト"],
  ["typescript", "ts"],
  ["programming", "coding", "プログラミング", "コーディング"],
  ["design", "デザイン"],
  ["marketing", "マーケティング", "マーケ"],
  ["sales", "営業", "セールス"],
  ["product", "プロダクト"],
  ["manager", "マネージャー", "マネジャー"],
  ["management", "マネジメント"],
  ["career", "キャリア"],
  ["career-change", "転職", "キャリアチェンジ"],
  ["english", "英語"],
  ["japanese", "日本語"],
  ["interview", "面接"],
  ["resume", "cv", "履歴書", "職務経歴書"],
  ["presentation", "slides", "プレゼン", "プレゼンテーション", "スライド"],
  ["talk", "speaking", "登壇", "講演", "スピーチ"],
  ["feedback", "フィードバック"],
  ["review", "レビュー"],
  ["mentor", "mentoring", "メンター", "メンタリング"],
  ["startup", "スタートアップ", "起業"],
  ["data", "データ"],
  ["analysis", "analytics", "分析"],
  ["ai", "人工知能"],
  ["machine-learning", "ml", "機械学習"],
  ["writing", "ライティング", "執筆"],
  ["translation", "翻訳"],
  ["finance", "ファイナンス", "金融", "財務"],
  ["accounting", "会計", "経理"],
  ["hiring", "recruiting", "採用"],
  ["leadership", "リーダーシップ"],
  ["negotiation", "交渉"],
  ["cloud", "クラウド"],
  ["security", "セキュリティ"],
  ["photography", "写真"],
  ["video", "動画"],
  ["study", "勉強"],
];

const CONCEPT_OF = new Map(CONCEPTS.flatMap((spellings) => spellings.map((s) => [s, spellings[0]!] as const)));

/** Words that say nothing about what is offered or sought. */
const STOP_WORDS = new Set([
  "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "from", "with", "by", "about", "as", "into",
  "i", "me", "my", "you", "your", "we", "our", "us", "it", "its", "they", "them", "their", "he", "she", "his", "her",
  "who", "what", "which", "that", "this", "these", "those", "there", "here", "how", "when", "where", "why",
  "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did", "can", "could", "will",
  "would", "should", "may", "might", "not", "no", "yes", "so", "if", "than", "then", "also", "just", "very", "some",
  "any", "someone", "anyone", "somebody", "anybody", "people", "person", "help", "need", "want", "looking", "look",
  "offer", "ask", "give", "get", "like", "please", "thanks",
  "こと", "もの", "ため", "よう", "方", "人", "誰か", "どなたか", "教え", "教えて", "探し", "ください", "お願い",
]);

/** Compatibility forms folded (full-width letters, half-width kana), lower case. */
function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const ONLY_HIRAGANA = /^[\u3041-\u309f\u30fc]+$/;

/** Particles and endings (から, ます, ほしい) are short runs of hiragana. */
const isFiller = (word: string) =>
  STOP_WORDS.has(word) || [...word].length < 2 || (ONLY_HIRAGANA.test(word) && [...word].length <= 3);

/** English plurals to their singular ("talks", "reviews", "studies"), so both meet. */
function singular(word: string): string {
  if (!/^[a-z]{4,}$/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/** The key of a word: its concept if it has one, else the word itself. */
const keyOf = (word: string) => CONCEPT_OF.get(word) ?? CONCEPT_OF.get(singular(word)) ?? singular(word);

/** The meaningful words of a text as keys, in order, each once. */
export function termsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(normalize(text))) {
    if (isWordLike && !isFiller(segment)) terms.add(keyOf(segment));
  }
  return [...terms];
}

/**
 * The keys a tag stands for: the whole tag (by its concept when it is a known spelling, "エクセル"
 * → "excel"), and the concepts named by its words ("Excel関数" → "excel" too).
 */
export function tagKeysOf(tag: string): string[] {
  const whole = normalize(tag).trim().replace(/^#/, "").replace(/\s+/g, " ");
  const keys = new Set<string>([CONCEPT_OF.get(whole) ?? whole]);
  for (const term of termsOf(whole)) if (CONCEPT_OF.has(term)) keys.add(term);
  return [...keys];
}
