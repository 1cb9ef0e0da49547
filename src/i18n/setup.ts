// Messages of the community settings (/musubi setup).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const setupMessages = {
  "setup.description": {
    ja: "コミュニティの設定",
    en: "Community settings",
  },
  "setup.option.introChannel": {
    ja: "自己紹介カードを投稿するチャンネル",
    en: "Channel where introduction cards are posted",
  },
  "setup.option.welcomeChannel": {
    ja: "新メンバーを歓迎するチャンネル",
    en: "Channel where new members are welcomed",
  },
  "setup.option.organizers": {
    ja: "オーガナイザー用コマンドを使えるロール（Discord）またはユーザーグループ（Slack）",
    en: "A role (Discord) or user group (Slack) whose members may use the organizer commands",
  },
  "setup.option.language": {
    ja: "コミュニティの既定の言語",
    en: "Default language of the community",
  },
  "setup.option.timeZone": {
    ja: "コミュニティのタイムゾーン（例: Asia/Tokyo）",
    en: "Time zone of the community, e.g. Asia/Tokyo",
  },
  "setup.saved": {
    ja: "設定を保存しました。",
    en: "Settings saved.",
  },
  "setup.summary": {
    ja: "現在の設定",
    en: "Current settings",
  },
  "setup.introChannel": {
    ja: "自己紹介チャンネル",
    en: "Introductions channel",
  },
  "setup.welcomeChannel": {
    ja: "歓迎チャンネル",
    en: "Welcome channel",
  },
  "setup.organizers": {
    ja: "オーガナイザー",
    en: "Organizers",
  },
  "setup.language": {
    ja: "言語",
    en: "Language",
  },
  "setup.timeZone": {
    ja: "タイムゾーン",
    en: "Time zone",
  },
  "setup.notSet": {
    ja: "未設定（/intro を使ったチャンネル）",
    en: "not set (the channel where /intro is used)",
  },
  "setup.notSetWelcome": {
    ja: "未設定（自己紹介チャンネル）",
    en: "not set (the introductions channel)",
  },
  "setup.notSetOrganizers": {
    ja: "サーバー管理者/ワークスペース管理者のみ",
    en: "server managers / workspace admins only",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
