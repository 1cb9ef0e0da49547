// Messages shared by every feature: apologies, field errors, forms, /help, language names.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const commonMessages = {
  "common.apology": {
    ja: "申し訳ありません。こちら側で問題が発生しました。しばらくしてからもう一度お試しください。(参照: {ref})",
    en: "Sorry, something went wrong on our side. Please try again later. (ref: {ref})",
  },
  "common.notOrganizer": {
    ja: "{command} はオーガナイザーのみ使えます。変更が必要な場合はコミュニティのオーガナイザーに相談してください。",
    en: "Only organizers can use {command}. Ask an organizer of this community if you need it changed.",
  },
  "common.unknownCommand": {
    ja: "{command} というコマンドはありません。/help で使えるコマンドを確認できます。",
    en: "Unknown command {command}. Type /help to see what musubi can do.",
  },
  "common.invalidOptions": {
    ja: "実行できませんでした: {problems}",
    en: "That did not work: {problems}",
  },
  "common.unknownAction": {
    ja: "このボタンは有効期限が切れています。もう一度コマンドを実行してください。",
    en: "This button is no longer active. Please run the command again.",
  },
  "common.none": {
    ja: "—",
    en: "—",
  },
  "common.filesSentByDirectMessage": {
    ja: "📎 {files} をダイレクトメッセージで送りました。",
    en: "📎 {files}: sent to you by direct message.",
  },
  "common.filesNotSent": {
    ja: "📎 {files} を送れませんでした。しばらくしてからもう一度お試しください。",
    en: "📎 {files} could not be sent. Please try again later.",
  },

  "error.required": {
    ja: "{field}は必須です。",
    en: "{field} is required.",
  },
  "error.tooLong": {
    ja: "{field}は{max}文字以内で入力してください。",
    en: "{field} must be at most {max} characters.",
  },
  "error.tooShort": {
    ja: "{field}は{min}文字以上で入力してください。",
    en: "{field} must be at least {min} characters.",
  },
  "error.tooMany": {
    ja: "{field}は{max}件までです。",
    en: "{field} takes at most {max} items.",
  },
  "error.tooFew": {
    ja: "{field}は{min}件以上選んでください。",
    en: "{field} needs at least {min} item.",
  },
  "error.tooSmall": {
    ja: "{field}は{min}以上にしてください。",
    en: "{field} must be at least {min}.",
  },
  "error.tooLarge": {
    ja: "{field}は{max}以下にしてください。",
    en: "{field} must be at most {max}.",
  },
  "error.choice": {
    ja: "{field}は次から選んでください: {choices}",
    en: "{field}: choose one of {choices}.",
  },
  "error.invalid": {
    ja: "{field}の値が正しくありません。",
    en: "{field} is not valid.",
  },
  "error.timeZone": {
    ja: "{field}: 「{value}」はタイムゾーンとして認識できません(例: Asia/Tokyo、Europe/London)。",
    en: "{field}: “{value}” is not a known time zone (for example Asia/Tokyo or Europe/London).",
  },
  "error.itemTooLong": {
    ja: "{field}の各項目は{max}文字以内にしてください。",
    en: "{field}: each item must be at most {max} characters.",
  },
  "error.textMalformed": {
    ja: "{field}に読み取れない文字が含まれています。入力し直してください。",
    en: "{field} contains broken characters. Please type it again.",
  },
  "error.textControl": {
    ja: "{field}に制御文字が含まれています。ふつうの文字だけで入力してください。",
    en: "{field} contains control characters. Please use plain text only.",
  },
  "error.textOneLine": {
    ja: "{field}は改行を入れずに1行で入力してください。",
    en: "{field} must be a single line.",
  },
  "error.textInvisible": {
    ja: "{field}に見える文字がありません。文字を入力してください。",
    en: "{field} has no visible characters. Please type some text.",
  },
  "error.linkNotAllowed": {
    ja: "{field}にはリンクを入れられません。リンクは詳細や説明に書いてください。",
    en: "{field} cannot hold a link. Put links in the details or the description.",
  },
  "error.weightRange": {
    ja: "{field}: 「{value}」の重みは0から100000までの整数にしてください。",
    en: "{field}: “{value}”: a weight is a whole number from 0 to 100000.",
  },
  "error.halfLife": {
    ja: "{field}: 「{value}」の historyHalfLifeWeeks は1から520(週)にしてください。",
    en: "{field}: “{value}”: historyHalfLifeWeeks is between 1 and 520 (weeks).",
  },
  "error.mention.user": {
    ja: "{field}は @名前 の形でメンバーを指定してください。",
    en: "{field}: name a member with an @mention.",
  },
  "error.mention.channel": {
    ja: "{field}は #チャンネル名 の形でチャンネルを指定してください。",
    en: "{field}: name a channel with a #channel mention.",
  },
  "error.mention.group": {
    ja: "{field}は @グループ名 の形で指定してください(Discord ではロール、Slack ではユーザーグループ)。",
    en: "{field}: name a group with an @mention (a role on Discord, a user group on Slack).",
  },
  "error.weights": {
    ja: "{field}: 「{value}」は重みの名前と数値の組になっていません(例: differentIndustry=300。重みの一覧は README にあります)。",
    en: "{field}: “{value}” is not a known weight with a number (e.g. differentIndustry=300; the README lists the weights).",
  },

  "form.submit": {
    ja: "保存",
    en: "Save",
  },
  "form.cancel": {
    ja: "キャンセル",
    en: "Cancel",
  },
  "form.pageSaved": {
    ja: "ステップ {page}/{pages} を保存しました。「続ける」を押して自己紹介を完成させてください。",
    en: "Step {page} of {pages} saved. Press Continue to finish your introduction.",
  },
  "form.button.continue": {
    ja: "続ける",
    en: "Continue",
  },
  "form.button.fix": {
    ja: "入力を直す",
    en: "Fix my answers",
  },
  "form.expired": {
    ja: "このフォームは有効期限が切れました。もう一度 /intro を実行してください。",
    en: "This form has expired. Please run /intro again.",
  },

  "help.description": {
    ja: "musubi でできることの一覧",
    en: "List what musubi can do",
  },
  "help.title": {
    ja: "musubi のコマンド",
    en: "musubi commands",
  },
  "help.intro": {
    ja: "musubi はこのコミュニティでの出会いをつながりに変えるお手伝いをします。コマンド一覧:",
    en: "musubi helps this community turn encounters into a network. Commands:",
  },
  "help.organizerOnly": {
    ja: "(オーガナイザー)",
    en: "(organizers)",
  },

  "language.ja": {
    ja: "日本語",
    en: "Japanese",
  },
  "language.en": {
    ja: "英語",
    en: "English",
  },
  "language.zh": {
    ja: "中国語",
    en: "Chinese",
  },
  "language.ko": {
    ja: "韓国語",
    en: "Korean",
  },
  "language.vi": {
    ja: "ベトナム語",
    en: "Vietnamese",
  },
  "language.es": {
    ja: "スペイン語",
    en: "Spanish",
  },
  "language.fr": {
    ja: "フランス語",
    en: "French",
  },
  "language.de": {
    ja: "ドイツ語",
    en: "German",
  },
  "language.pt": {
    ja: "ポルトガル語",
    en: "Portuguese",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
