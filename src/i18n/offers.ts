// Messages of offers and asks (/offer, /ask, /offers).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const offersMessages = {
  "offer.description": {
    ja: "提供できること（スキル・レビュー・紹介・時間）を投稿する",
    en: "Offer what you can give: a skill, a review, an introduction, time",
  },
  "offer.formTitle": {
    ja: "提供できること",
    en: "What can you offer?",
  },
  "offer.invalid": {
    ja: "提供は投稿されませんでした。次を直してください:\n{problems}",
    en: "Your offer was not posted. Please fix:\n{problems}",
  },
  "offer.field.title": {
    ja: "提供できること",
    en: "What you can offer",
  },
  "offer.placeholder.title": {
    ja: "例: Excel のモデルをレビューします",
    en: "e.g. Review of your Excel models",
  },
  "offer.placeholder.details": {
    ja: "具体的な内容、対象、かけられる時間",
    en: "What exactly, for whom, how much time",
  },
  "offer.placeholder.tags": {
    ja: "カンマ区切り。例: excel, 財務",
    en: "Comma-separated, e.g. excel, finance",
  },
  "offer.respond": {
    ja: "興味があります",
    en: "I'm interested",
  },
  "offer.line": {
    ja: "🎁 {title} — {author}",
    en: "🎁 {title} — {author}",
  },
  "offer.mark": {
    ja: "🎁",
    en: "🎁",
  },
  "offer.cardText": {
    ja: "🎁 {mention}さんが提供しています:",
    en: "🎁 {mention} offers:",
  },
  "offer.cardFooter": {
    ja: "/offer で投稿 · /offers で検索",
    en: "Posted with /offer · search with /offers",
  },
  "offer.posted": {
    ja: "提供を {channel} に投稿しました。{time} まで受付中です。",
    en: "Your offer is posted in {channel}. It stays open until {time}.",
  },
  "offer.noFits": {
    ja: "今のところ合う募集はありません。これを探しているメンバーにお知らせします。",
    en: "No open ask fits it yet: members who look for it will be told.",
  },
  "offer.fits": {
    ja: "あなたの提供に合う募集:",
    en: "Asks that fit your offer:",
  },

  "ask.description": {
    ja: "探していることを投稿する",
    en: "Ask for what you are looking for",
  },
  "ask.formTitle": {
    ja: "探していること",
    en: "What are you looking for?",
  },
  "ask.invalid": {
    ja: "募集は投稿されませんでした。次を直してください:\n{problems}",
    en: "Your ask was not posted. Please fix:\n{problems}",
  },
  "ask.field.title": {
    ja: "探していること",
    en: "What you are looking for",
  },
  "ask.placeholder.title": {
    ja: "例: 営業からプロダクトに移った経験のある方",
    en: "e.g. Someone who has moved from sales to product",
  },
  "ask.placeholder.details": {
    ja: "今の状況、どんな助けがほしいか",
    en: "Your situation, what would help",
  },
  "ask.placeholder.tags": {
    ja: "カンマ区切り。例: キャリア, プロダクト",
    en: "Comma-separated, e.g. career, product",
  },
  "ask.respond": {
    ja: "力になれます",
    en: "I can help",
  },
  "ask.line": {
    ja: "🙋 {title} — {author}",
    en: "🙋 {title} — {author}",
  },
  "ask.mark": {
    ja: "🙋",
    en: "🙋",
  },
  "ask.cardText": {
    ja: "🙋 {mention}さんが探しています:",
    en: "🙋 {mention} is looking for:",
  },
  "ask.cardFooter": {
    ja: "/ask で投稿 · /offers で検索",
    en: "Posted with /ask · search with /offers",
  },
  "ask.posted": {
    ja: "募集を {channel} に投稿しました。{time} まで受付中です。",
    en: "Your ask is posted in {channel}. It stays open until {time}.",
  },
  "ask.noFits": {
    ja: "今のところ合う提供はありません。提供できるメンバーにお知らせします。",
    en: "No open offer fits it yet: members who can offer it will be told.",
  },
  "ask.fits": {
    ja: "あなたの募集に合う提供:",
    en: "Offers that fit your ask:",
  },

  "offers.description": {
    ja: "提供と募集を検索。mine で自分の投稿、notices off で通知停止",
    en: "Search offers and asks; “mine”: yours; “notices off”",
  },
  "offers.option.query": {
    ja: "検索する言葉かタグ。「mine」で自分の投稿、「notices off」でお知らせを止める",
    en: "Words or a tag to search for; “mine” for your own; “notices off” to stop fit notices",
  },
  "offers.field.details": {
    ja: "詳細",
    en: "Details",
  },
  "offers.field.tags": {
    ja: "タグ",
    en: "Tags",
  },
  "offers.field.contact": {
    ja: "連絡方法",
    en: "How to reach out",
  },
  "offers.field.days": {
    ja: "受け付ける日数",
    en: "Open for how many days",
  },
  "offers.field.status": {
    ja: "状態",
    en: "Status",
  },
  "offers.placeholder.days": {
    ja: "1〜90、既定は30",
    en: "1–90, default 30",
  },
  "offers.contact.space": {
    ja: "musubi が開くプライベートな場",
    en: "A private space with musubi",
  },
  "offers.contact.dm": {
    ja: "ダイレクトメッセージ",
    en: "A direct message",
  },
  "offers.status.openUntil": {
    ja: "{time} まで受付中",
    en: "Open until {time}",
  },
  "offers.status.closed": {
    ja: "終了",
    en: "Closed",
  },
  "offers.status.expired": {
    ja: "期限切れ",
    en: "Expired",
  },
  "offers.noChannel": {
    ja: "提供と募集のチャンネルがまだ設定されていません。オーガナイザーが /musubi setup offers_channel:#チャンネル で設定できます。",
    en: "Offers and asks have no channel yet. An organizer can choose one with /musubi setup offers_channel:#channel.",
  },
  "offers.limit.open": {
    ja: "受付中の提供と募集がすでに{max}件あります。/offers mine でどれかを終了してから投稿してください。",
    en: "You already have {max} open offers and asks. Close one with /offers mine before posting another.",
  },
  "offers.limit.perDay": {
    ja: "1日に投稿できる提供と募集は{max}件までです。また明日投稿してください。",
    en: "You have posted {max} offers and asks within a day. Please post again tomorrow.",
  },
  "offers.cardFailed": {
    ja: "投稿できませんでした: {channel} にカードを投稿できませんでした。オーガナイザーにそのチャンネルでの権限を確認してもらってください。",
    en: "Nothing was posted: I could not post the card in {channel}. Please ask an organizer to check my permissions there.",
  },
  "offers.error.linkInTitle": {
    ja: "{field}にはリンクを入れられません。リンクは詳細に書いてください。",
    en: "{field} cannot contain links: put them in the details.",
  },
  "offers.error.tooManyLinks": {
    ja: "{field}: リンクは2つまでにしてください。",
    en: "{field}: two links at most, please.",
  },
  "offers.error.badLink": {
    ja: "{field}: リンクは https:// から始まる形で省略せずに書いてください。",
    en: "{field}: links must be written out in full, starting with https://.",
  },
  "offers.error.tag": {
    ja: "{field}: 「{value}」はタグとして使えません（文字・数字・空白と - + # . のみ）。",
    en: "{field}: “{value}” is not a tag (letters, digits, spaces and - + # . only).",
  },
  "offers.respond.closed": {
    ja: "この投稿は終了しました。",
    en: "This post is closed.",
  },
  "offers.respond.expired": {
    ja: "この投稿は期限切れです。",
    en: "This post has expired.",
  },
  "offers.respond.own": {
    ja: "これはあなた自身の投稿です。/offers mine で終了や延長ができます。",
    en: "This is your own post. /offers mine lets you close or extend it.",
  },
  "offers.respond.again.space": {
    ja: "この投稿にはすでに応えています。あなたたちの場はこちら: {space}",
    en: "You already answered this post: your private space is {space}.",
  },
  "offers.respond.again.dm": {
    ja: "この投稿にはすでに応えています。{author}さんにダイレクトメッセージを送ってください。",
    en: "You already answered this post: write to {author} by direct message.",
  },
  "offers.respond.failed": {
    ja: "おふたりのためのプライベートな場を開けませんでした。しばらくしてからもう一度お試しください。",
    en: "I could not open a private space for you two. Please try again later.",
  },
  "offers.respond.done.space": {
    ja: "{author}さんにお知らせし、おふたりのためのプライベートな場を開きました: {space}",
    en: "Done! {author} is told, and a private space for you two is open: {space}.",
  },
  "offers.respond.done.dm": {
    ja: "{author}さんにお知らせしました。ダイレクトメッセージでの連絡を希望されています。{author}さんに挨拶を送ってみましょう。",
    en: "Done! {author} is told. They prefer a direct message: write to {author} to say hello.",
  },
  "offers.space.directMessages": {
    ja: "musubi とのダイレクトメッセージ",
    en: "your direct messages with musubi",
  },
  "offers.space.offer": {
    ja: "{responder}さん、{author}さんです。提供「{title}」に興味をお持ちですね。musubi がおふたりのための場を開きました。挨拶してみましょう！",
    en: "{responder}, meet {author}: you are interested in their offer “{title}”. musubi opened this space for you two — say hello!",
  },
  "offers.space.ask": {
    ja: "{author}さん、{responder}さんです。募集「{title}」の力になれるそうです。musubi がおふたりのための場を開きました。挨拶してみましょう！",
    en: "{author}, meet {responder}: they can help with your ask “{title}”. musubi opened this space for you two — say hello!",
  },
  "offers.told.offer": {
    ja: "{responder}さんがあなたの提供「{title}」に興味を持っています。",
    en: "{responder} is interested in your offer “{title}”.",
  },
  "offers.told.ask": {
    ja: "{responder}さんがあなたの募集「{title}」の力になれるそうです。",
    en: "{responder} can help with your ask “{title}”.",
  },
  "offers.told.space": {
    ja: "{space} で挨拶してみましょう。",
    en: "Say hello in {space}.",
  },
  "offers.told.dm": {
    ja: "ダイレクトメッセージで連絡が来ます。{responder}さんに先に送ってもかまいません。",
    en: "They will write to you by direct message — or write to {responder} first.",
  },
  "offers.notYours": {
    ja: "投稿したメンバーだけができる操作です。",
    en: "Only the member who posted it can do that.",
  },
  "offers.closed": {
    ja: "「{title}」を終了しました。ありがとうございました！",
    en: "“{title}” is closed. Thank you for giving it a go!",
  },
  "offers.alreadyClosed": {
    ja: "「{title}」はすでに終了しています。",
    en: "“{title}” is already closed.",
  },
  "offers.extended": {
    ja: "「{title}」は {time} まで受付中です。",
    en: "“{title}” is open until {time}.",
  },
  "offers.extendedMax": {
    ja: "「{title}」はすでに {time} まで受付中で、これ以上は延ばせません。",
    en: "“{title}” is already open until {time}, as long as a post can be.",
  },
  "offers.mine.title": {
    ja: "あなたの提供と募集:",
    en: "Your offers and asks:",
  },
  "offers.mine.none": {
    ja: "まだ提供も募集も投稿していません。/offer か /ask をどうぞ。",
    en: "You have not posted any offer or ask yet. Try /offer or /ask.",
  },
  "offers.mine.close": {
    ja: "{n} を終了",
    en: "Close {n}",
  },
  "offers.mine.extend": {
    ja: "{n} を延長",
    en: "Extend {n}",
  },
  "offers.search.title": {
    ja: "「{query}」に合う受付中の提供と募集:",
    en: "Open offers and asks for “{query}”:",
  },
  "offers.search.newest": {
    ja: "新しい順の提供と募集:",
    en: "The newest open offers and asks:",
  },
  "offers.search.none": {
    ja: "「{query}」に合う提供や募集はありません。別の言葉で探すか、/ask で募集してみましょう。",
    en: "No open offer or ask matches “{query}”. Try other words, or post an /ask.",
  },
  "offers.search.empty": {
    ja: "受付中の提供や募集はまだありません。/offer で最初の一件をどうぞ。",
    en: "There are no open offers or asks yet. Be the first: /offer",
  },
  "offers.notices.on": {
    ja: "お知らせをオンにしました。新しい投稿があなたの提供や探しものに合うとき、お知らせします（1日数件まで）。",
    en: "Fit notices are on: you will be told (a few times a day at most) when a new post fits what you offer or look for.",
  },
  "offers.notices.off": {
    ja: "お知らせをオフにしました。/offers notices on でまたオンにできます。",
    en: "Fit notices are off. Turn them on again with /offers notices on.",
  },
  "offers.notice.ask.post": {
    ja: "{author}さんが、あなたの提供「{yours}」で力になれそうなことを探しています:「{title}」",
    en: "{author} is looking for something your offer “{yours}” could give: “{title}”.",
  },
  "offers.notice.ask.intro": {
    ja: "{author}さんが、あなたの自己紹介の「提供できること」に合うことを探しています:「{title}」",
    en: "{author} is looking for something your introduction says you can offer: “{title}”.",
  },
  "offers.notice.offer.post": {
    ja: "{author}さんが、あなたの募集「{yours}」に合うことを提供しています:「{title}」",
    en: "{author} offers something you asked for in “{yours}”: “{title}”.",
  },
  "offers.notice.offer.intro": {
    ja: "{author}さんが、あなたの自己紹介の「探していること」に合うことを提供しています:「{title}」",
    en: "{author} offers something your introduction says you are looking for: “{title}”.",
  },
  "offers.notice.turnOff": {
    ja: "（このお知らせは1日数件までです。/offers notices off で止められます。）",
    en: "(You get at most a few of these a day; /offers notices off turns them off.)",
  },
  "offers.setup.option": {
    ja: "提供と募集のカードを投稿するチャンネル",
    en: "Channel where offer and ask cards are posted",
  },
  "offers.setup.channel": {
    ja: "提供と募集のチャンネル",
    en: "Offers channel",
  },
  "offers.setup.notSet": {
    ja: "未設定（/offer と /ask は使えません）",
    en: "not set (/offer and /ask are off)",
  },

  "offers.label.query": {
    ja: "検索する言葉",
    en: "Search words",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
