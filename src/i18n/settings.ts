// Messages of a member's own settings (/settings): time zone, language, and the switches gathered there.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const settingsMessages = {
  "settings.description": {
    ja: "自分の設定（タイムゾーン・言語・通知）を見る・変える",
    en: "See and change your own settings (time zone, language, notices)",
  },
  "settings.label.timeZone": {
    ja: "タイムゾーン",
    en: "Time zone",
  },
  "settings.label.language": {
    ja: "言語",
    en: "Language",
  },
  "settings.option.timeZone": {
    ja: "あなたのタイムゾーン（例: Asia/Tokyo。auto でプラットフォームかコミュニティの設定に戻します）",
    en: "Your time zone, e.g. Asia/Tokyo (auto: back to the platform's or the community's)",
  },
  "settings.option.language": {
    ja: "musubi があなたに書く言語（auto: プラットフォームの言語）",
    en: "The language musubi writes to you in (auto: the platform's language)",
  },
  "settings.language.auto": {
    ja: "自動",
    en: "automatic",
  },
  "settings.title": {
    ja: "あなたの設定",
    en: "Your settings",
  },
  "settings.from.member": {
    ja: "{value}（あなたの設定）",
    en: "{value} (your setting)",
  },
  "settings.from.platform": {
    ja: "{value}（{platform} の設定から）",
    en: "{value} (from {platform})",
  },
  "settings.from.community": {
    ja: "{value}（コミュニティの設定）",
    en: "{value} (the community's)",
  },
  "settings.field.offerNotices": {
    ja: "提供と募集のお知らせ",
    en: "Offer and ask notices",
  },
  "settings.field.suggestions": {
    ja: "再会の提案",
    en: "Reconnect suggestions",
  },
  "settings.on": {
    ja: "オン",
    en: "on",
  },
  "settings.off": {
    ja: "オフ",
    en: "off",
  },
  "settings.button.offerNotices.on": {
    ja: "提供と募集のお知らせをオンにする",
    en: "Turn offer notices on",
  },
  "settings.button.offerNotices.off": {
    ja: "提供と募集のお知らせをオフにする",
    en: "Turn offer notices off",
  },
  "settings.button.suggestions.on": {
    ja: "再会の提案をオンにする",
    en: "Turn suggestions on",
  },
  "settings.button.suggestions.off": {
    ja: "再会の提案をオフにする",
    en: "Turn suggestions off",
  },
  "settings.howToChange.discord": {
    ja: "タイムゾーンと言語は /settings で変えられます（例: /settings time_zone:Asia/Tokyo language:en）。",
    en: "Change your time zone and language with /settings (e.g. /settings time_zone:America/New_York language:ja).",
  },
  "settings.howToChange.text": {
    ja: "タイムゾーンと言語は /settings で変えられます（例: /settings time_zone=Asia/Tokyo language=en）。",
    en: "Change your time zone and language with /settings (e.g. /settings time_zone=America/New_York language=ja).",
  },
  "settings.saved.timeZone": {
    ja: "タイムゾーンを {zone} にしました。マッチングの相手選びと、musubi が書く日時に使います。",
    en: "Your time zone is now {zone}. Pairing takes it into account, and musubi writes times in it.",
  },
  "settings.saved.timeZoneAuto": {
    ja: "タイムゾーンの設定を外しました。いまは {zone} を使います。",
    en: "Your own time zone is cleared: musubi now uses {zone}.",
  },
  "settings.saved.language": {
    ja: "これからは{language}でお知らせします。",
    en: "musubi now writes to you in {language}.",
  },
  "settings.saved.languageAuto": {
    ja: "言語はプラットフォームの設定に従います。いまは{language}です。",
    en: "Your language now follows the platform's: {language} for now.",
  },
  "settings.error.timeZone": {
    ja: "{field}: 「{value}」はタイムゾーンとして認識できません。地域/都市の形で入力してください（例: Asia/Tokyo、America/New_York）。略称は JST と KST だけ使えます。",
    en: "{field}: “{value}” is not a time zone musubi knows. Type it as Region/City (e.g. Asia/Tokyo or America/New_York); of the abbreviations only JST and KST are taken.",
  },
} as const;
