// The style sheet every message catalogue follows. test/unit/i18n.test.ts refuses the variants
// listed below in every text, so one thing keeps one word.
//
// 日本語
// - 文体: です・ます。お願いは「〜してください」、できることは「〜できます」。
// - 敬称: 名前とメンションのすぐ後に「さん」（空白を入れない）: @aikoさん、@kenさん。ふたりには
//   「おふたり」、三人以上には「みなさん」。
// - 約物: 括弧・読点・句点・感嘆符・疑問符は全角（）、。！？、引用は「」。ラベルと値、一覧の前の区切り
//   だけは半角の「: 」。範囲は「〜」（例: 1〜500）。
// - 数と日時: 数字は半角（3件、24時間前）。日時はプラットフォームの表示（Discord の <t:…>、Slack の
//   <!date…>）に任せ、書くときは 2026-12-05 19:30 の形。
// - 用語: 提供・募集（/offer・/ask、板全体は「提供と募集」）、受付中、マッチング（毎週の 1 対 1）、
//   オーガナイザー（コミュニティの運営者）、主催（読書会・勉強会を開く人）、進行（その回の担当）、
//   読書会・勉強会、自己紹介、キャンセル待ち、ダイレクトメッセージ。
// - オプション名やフィールド名（channel、weeks など）を日本語の文中にそのまま書かない。書くのは
//   入力例（channel:#チャンネル）のときだけで、ほかはそのラベル（チャンネル、週数）を使う。
//
// English
// - Plain and friendly, second person, sentence case; "please" only where a request needs it.
// - Names as the platform gives them, no honorific.
// - ASCII punctuation; ": " before a value or a list; "—" for an aside; "–" in ranges (1–500).
// - Numbers as numerals; dates by the platform's rendering, else 2026-12-05 19:30.
// - Terms: offers and asks (the board), open (a post that takes answers), weekly pairing,
//   organizers (of the community), organizer / led by (of a round), reading club, study session,
//   intro, waitlist, direct message.

/** Per language, words that say one of the style sheet's terms another way: never used. */
export const FORBIDDEN_VARIANTS: Record<"ja" | "en", readonly { variant: RegExp; use: string }[]> = {
  ja: [
    { variant: /オファー|アスク/, use: "提供・募集" },
    { variant: /お二人|二人とも/, use: "おふたり" },
    { variant: /[ \u3000]さん/, use: "名前のすぐ後に「さん」" },
    { variant: /ペアリング/, use: "マッチング" },
    { variant: /募集中/, use: "受付中" },
    { variant: /運営者|管理人/, use: "オーガナイザー" },
    { variant: /ウェイトリスト|ウェイティング/, use: "キャンセル待ち" },
    { variant: /下さい|出来る|出来ま/, use: "ください・できる" },
    { variant: /[()!?]/, use: "全角の（）！？" },
    { variant: /：/, use: "半角の「: 」" },
    { variant: /～/, use: "〜" },
    { variant: /\bDM\b/, use: "ダイレクトメッセージ" },
  ],
  en: [
    { variant: /organiser|organis/i, use: "organizer" },
    { variant: /wait[- ]list/i, use: "waitlist" },
    { variant: /\bmatching\b/i, use: "pairing" },
    { variant: /[（）、。！？「」]/, use: "ASCII punctuation" },
    { variant: /\brequests?\b/i, use: "ask" },
  ],
};
