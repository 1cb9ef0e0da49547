// Messages shared by every feature: apologies, field errors, forms, /help, language names.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const commonMessages = {
  "common.apology": {
    ja: "申し訳ありません。こちら側で問題が発生しました。しばらくしてからもう一度お試しください。（参照: {ref}）",
    en: "Sorry, something went wrong on our side. Please try again later. (ref: {ref})",
  },
  "common.notOrganizer": {
    ja: "{command} はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。",
    en: "Only organizers can use {command}. If you need it, ask one of this community's organizers.",
  },
  "common.botNotInCommunity": {
    ja: "musubi はこのコミュニティに参加していないため、ここでは使えません。使うには、管理者に musubi を追加してもらってください。",
    en: "musubi is not part of this community, so it can do nothing here. To use it, ask an admin to add musubi.",
  },
  "common.unknownCommand": {
    ja: "{command} というコマンドはありません。使えるコマンドは /help で見られます。",
    en: "There is no command {command}. /help lists what musubi can do.",
  },
  "common.invalidOptions": {
    ja: "実行できませんでした。{problems}",
    en: "That did not work. {problems}",
  },
  "common.unknownAction": {
    ja: "このボタンは有効期限が切れています。もう一度コマンドを実行してください。",
    en: "This button is no longer active. Please run the command again.",
  },
  "common.notInCommunity": {
    ja: "このボタンは、あなたが参加していないコミュニティのものなので使えません。",
    en: "This button belongs to a community you are not a member of.",
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
    en: "{field}: this cannot be left empty.",
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
    ja: "{field}は次から選んでください: {choices}。",
    en: "{field}: choose {choices}.",
  },
  "error.invalid": {
    ja: "{field}の値が正しくありません。",
    en: "{field} is not valid.",
  },
  "error.timeZone": {
    ja: "{field}: 「{value}」はタイムゾーンとして認識できません（例: Asia/Tokyo、Europe/London）。",
    en: "{field}: “{value}” is not a known time zone (e.g. Asia/Tokyo or Europe/London).",
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
    ja: "{field}: 「{value}」の historyHalfLifeWeeks は1から520（週）にしてください。",
    en: "{field}: “{value}”: historyHalfLifeWeeks is between 1 and 520 (weeks).",
  },
  "error.programName": {
    ja: "{field}: 「{value}」には文字・数字・-・_ だけを使ってください（空白や記号は使えません）。",
    en: "{field}: “{value}” may hold only letters, digits, - and _ (no spaces or symbols).",
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
    ja: "{field}は @グループ名 の形で指定してください（Discord ではロール、Slack ではユーザーグループ）。",
    en: "{field}: name a group with an @mention (a role on Discord, a user group on Slack).",
  },
  "error.weights": {
    ja: "{field}: 「{value}」は重みの名前と数値の組になっていません（例: differentIndustry=300。重みの一覧は README にあります）。",
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
    ja: "途中まで入力した内容は1日たったため消えました。お手数ですが、もう一度 {command} から入力してください。",
    en: "What you entered in this form was kept for a day and is gone now. Please start again with {command}.",
  },

  "help.description": {
    ja: "musubi でできることの一覧",
    en: "List what musubi can do",
  },
  "help.title": {
    ja: "musubi でできること",
    en: "What you can do with musubi",
  },
  "help.intro": {
    ja: "musubi は、このコミュニティでの出会いを長く続くつながりに変えるお手伝いをします。",
    en: "musubi helps this community turn encounters into lasting connections.",
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

  "common.label.member": {
    ja: "メンバー",
    en: "Member",
  },
  "help.label.command": {
    ja: "コマンド",
    en: "Command",
  },

  "common.choice": {
    ja: "{label}（{value}）",
    en: "{label} ({value})",
  },
  "common.unknownSubcommand": {
    ja: "{command} には「{subcommand}」というサブコマンドはありません。次のどれかを続けて入力してください: {subcommands}（詳しくは /help {name}）",
    en: "{command} has no subcommand “{subcommand}”. Type one of these after it: {subcommands} (more in /help {name}).",
  },
  "common.missingSubcommand": {
    ja: "{command} のあとに、次のどれかを続けて入力してください: {subcommands}（詳しくは /help {name}）",
    en: "After {command}, type one of these: {subcommands} (more in /help {name}).",
  },

  "help.option.command": {
    ja: "説明を見たいコマンド（空欄ならすべての一覧）",
    en: "The command to explain (leave out for the whole list)",
  },
  "help.section.introduce": {
    ja: "自己紹介する",
    en: "Introduce yourself",
  },
  "help.section.meet": {
    ja: "人と出会う",
    en: "Meet people",
  },
  "help.section.give": {
    ja: "助け合う（提供と募集）",
    en: "Give and ask",
  },
  "help.section.study": {
    ja: "一緒に学ぶ（読書会・勉強会）",
    en: "Study together",
  },
  "help.section.you": {
    ja: "使い方とあなたのデータ",
    en: "Help and your data",
  },
  "help.section.organizers": {
    ja: "オーガナイザー向け",
    en: "For organizers",
  },
  "help.more": {
    ja: "コマンドごとの説明と例は /help <コマンド> で見られます（例: /help match）。",
    en: "To see one command's options and an example, type /help <command> (e.g. /help match).",
  },
  "help.forOrganizers": {
    ja: "{command} はオーガナイザー向けのコマンドです。メンバーが使えるコマンドは /help で見られます。",
    en: "{command} is for organizers. /help lists what members can do.",
  },
  "help.option": {
    ja: "{name}（{label}）: {description}",
    en: "{name} ({label}): {description}",
  },
  "help.option.required": {
    ja: "{name}（{label}、必須）: {description}",
    en: "{name} ({label}, required): {description}",
  },
  "help.option.choices": {
    ja: "選べる値: {choices}",
    en: "Values: {choices}",
  },
  "help.options.discord": {
    ja: "オプションは、コマンドを選ぶと表示される欄で指定します。",
    en: "Discord shows each option as a field once you pick the command.",
  },
  "help.options.text": {
    ja: "オプションはコマンドのあとに 名前=値 の形で続けます（空白を含む値は \"…\" で囲みます）。",
    en: "Give options after the command as name=value (put a value with spaces in quotes: \"…\").",
  },
  "help.example": {
    ja: "例: {line}",
    en: "Example: {line}",
  },
  "help.next": {
    ja: "このあと: {next}",
    en: "What happens next: {next}",
  },
  "help.next.intro": {
    ja: "フォームに答えると、自己紹介カードが自己紹介チャンネルに投稿されます。/intro をもう一度使えば、いつでも書き直せます。",
    en: "Answer the form and your card is posted in the introductions channel. Run /intro again any time to update it.",
  },
  "help.next.profile": {
    ja: "カードはあなただけに表示されます。",
    en: "Only you see the card.",
  },
  "help.next.offer": {
    ja: "フォームに答えると、カードが提供と募集のチャンネルに投稿され、合う募集が表示されます。興味を持った人が現れると、musubi がおふたりの場を開きます。",
    en: "Answer the form and its card goes to the offers channel, with the asks that fit it. When someone is interested, musubi opens a private space for you two.",
  },
  "help.next.ask": {
    ja: "フォームに答えると、カードが提供と募集のチャンネルに投稿され、合う提供が表示されます。力になれる人が現れると、musubi がおふたりの場を開きます。",
    en: "Answer the form and its card goes to the offers channel, with the offers that fit it. When someone can help, musubi opens a private space for you two.",
  },
  "help.next.offers": {
    ja: "見つかった投稿にはボタンが付いています。押すと投稿した人とつながれます。",
    en: "Each post found has a button: press it to get in touch with its author.",
  },
  "help.next.match": {
    ja: "参加すると、マッチングの回ごとに相手が決まり、ふたりだけの場が開きます。数日後に、会えたかどうかをお聞きします。",
    en: "Once you join, each pairing round puts you with someone and opens a private space for you both. A few days later musubi asks whether you met.",
  },
  "help.next.round": {
    ja: "席を確保すると、各回の前にリマインドが届きます。満席のときはキャンセル待ちになり、席が空けばお知らせします。",
    en: "Once you have a seat, you get a reminder before each session. When a round is full you join its waitlist and are told when a seat frees up.",
  },
  "help.next.network": {
    ja: "一覧はあなただけに表示されます。そこからお礼を送ったり、また会いたい人に声をかけたりできます。",
    en: "Only you see the list. From it you can send thanks, or say hello to someone again.",
  },
  "help.next.help": {
    ja: "コマンドの名前を付けると、そのオプションと例を表示します。",
    en: "Name a command to see its options and an example.",
  },
  "help.next.settings": {
    ja: "タイムゾーンと言語が保存され、マッチングの相手選び、ダイレクトメッセージ、マッチングで開く場に使われます。オプションなしでは、あなたの設定とお知らせのスイッチをまとめて表示します。",
    en: "Your time zone and language are saved and used for pairing, direct messages and pair spaces. Without options it shows your settings and notice switches in one place.",
  },
  "help.next.myData": {
    ja: "概要と、すべての内容を収めた JSON ファイルが届きます。",
    en: "You get a summary, and a JSON file with all of it.",
  },
  "help.next.forgetMe": {
    ja: "確認のボタンを押すまで、何も削除されません。",
    en: "Nothing is deleted until you press the confirmation button.",
  },
  "help.next.musubi": {
    ja: "変更はすぐに反映されます。値を付けずに使うと、今の設定を表示します。",
    en: "Changes apply at once. Use it without values to see the current settings.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
