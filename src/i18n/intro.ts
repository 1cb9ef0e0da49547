// Messages of introductions: /intro and its card, /profile, the welcome, and the intro's choices.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const introMessages = {
  "intro.description": {
    ja: "コミュニティに自己紹介する（フォームが開きます）",
    en: "Introduce yourself to the community (opens a form)",
  },
  "intro.formTitle": {
    ja: "自己紹介",
    en: "Introduce yourself",
  },
  "intro.formTitlePage": {
    ja: "自己紹介（{page}/{pages}）",
    en: "Introduce yourself ({page}/{pages})",
  },
  "intro.field.industry": {
    ja: "業界",
    en: "Industry",
  },
  "intro.field.role": {
    ja: "職種・役割",
    en: "Role",
  },
  "intro.field.seniority": {
    ja: "経験年数",
    en: "Experience",
  },
  "intro.field.interests": {
    ja: "興味・関心",
    en: "Interests",
  },
  "intro.field.canOffer": {
    ja: "提供できること",
    en: "What I can offer",
  },
  "intro.field.lookingFor": {
    ja: "求めていること",
    en: "What I am looking for",
  },
  "intro.field.languages": {
    ja: "話せる言語",
    en: "Languages",
  },
  "intro.field.city": {
    ja: "活動エリア（都市）",
    en: "City",
  },
  "intro.field.meetingPreference": {
    ja: "会い方の希望",
    en: "How I like to meet",
  },
  "intro.field.bio": {
    ja: "ひとこと自己紹介",
    en: "Short bio",
  },
  "intro.placeholder.role": {
    ja: "例: バックエンドエンジニア、プロダクトマネージャー",
    en: "e.g. Backend engineer, Product manager",
  },
  "intro.placeholder.interests": {
    ja: "カンマ区切り 例: Rust、登山、スタートアップ",
    en: "Comma-separated, e.g. Rust, hiking, startups",
  },
  "intro.placeholder.canOffer": {
    ja: "カンマ区切り 例: 面接練習、コードレビュー",
    en: "Comma-separated, e.g. interview practice, code review",
  },
  "intro.placeholder.lookingFor": {
    ja: "カンマ区切り 例: デザインのメンター、英会話の練習相手",
    en: "Comma-separated, e.g. a mentor in design, English practice",
  },
  "intro.placeholder.city": {
    ja: "例: 東京",
    en: "e.g. Tokyo",
  },
  "intro.placeholder.bio": {
    ja: "あなたについて数行で",
    en: "A few sentences about you",
  },
  "intro.button.start": {
    ja: "自己紹介する",
    en: "Introduce yourself",
  },
  "intro.invalid": {
    ja: "自己紹介は保存されていません。次の点を直してください:\n{problems}",
    en: "Your introduction was not saved. Please fix:\n{problems}",
  },
  "intro.saved": {
    ja: "{name}さん、ありがとうございます！自己紹介を {channel} に投稿しました。次は /match join で毎週のマッチングに参加するか、/offers でメンバーの提供と募集をのぞいてみましょう。",
    en: "Thanks, {name}! Your introduction is posted in {channel}. Next, join weekly pairing with /match join, or see what members offer and ask with /offers.",
  },
  "intro.updated": {
    ja: "{channel} の自己紹介を更新しました。",
    en: "Your introduction is updated in {channel}.",
  },
  "intro.cardTitle": {
    ja: "{name}",
    en: "{name}",
  },
  "intro.cardFooter": {
    ja: "/intro で自己紹介 · いつでも更新できます",
    en: "Posted with /intro · update it any time",
  },
  "intro.cardText": {
    ja: "{mention}さんの自己紹介",
    en: "Introducing {mention}",
  },
  "intro.cardFailed": {
    ja: "自己紹介は保存しましたが、{channel} に投稿できませんでした。オーガナイザーにそのチャンネルでの権限を確認してもらってください。",
    en: "Your introduction is saved, but I could not post it in {channel}. Please ask an organizer to check my permissions there.",
  },
  "intro.noChannel": {
    ja: "自己紹介を保存しました。次は /match join で毎週のマッチングに参加するか、/offers でメンバーの提供と募集をのぞいてみましょう。（自己紹介カードを投稿するチャンネルは、オーガナイザーが /musubi setup で設定できます。）",
    en: "Your introduction is saved. Next, join weekly pairing with /match join, or see what members offer and ask with /offers. (An organizer can choose a channel for introduction cards with /musubi setup.)",
  },

  "profile.description": {
    ja: "メンバーの自己紹介カードを表示する",
    en: "Show a member's introduction card",
  },
  "profile.option.member": {
    ja: "メンバー（空欄なら自分）",
    en: "The member (yourself when empty)",
  },
  "profile.none": {
    ja: "{name}さんはまだ自己紹介をしていません。",
    en: "{name} has not introduced themselves yet.",
  },
  "profile.noneSelf": {
    ja: "まだ自己紹介をしていません。/intro で自己紹介できます。",
    en: "You have not introduced yourself yet. Run /intro to do it.",
  },

  "welcome.message": {
    ja: "{community} へようこそ、{mention}さん！まずは下のボタンか /intro で自己紹介をしてみましょう。自己紹介がすんだら、/match join で毎週のマッチングに参加できます。",
    en: "Welcome to {community}, {mention}! Start by introducing yourself with the button below or /intro. Once that is done, /match join puts you in weekly pairing.",
  },

  "industry.it": {
    ja: "IT・ソフトウェア",
    en: "IT / Software",
  },
  "industry.finance": {
    ja: "金融",
    en: "Finance",
  },
  "industry.consulting": {
    ja: "コンサルティング",
    en: "Consulting",
  },
  "industry.manufacturing": {
    ja: "製造",
    en: "Manufacturing",
  },
  "industry.medical": {
    ja: "医療・ヘルスケア",
    en: "Medical / Healthcare",
  },
  "industry.education": {
    ja: "教育",
    en: "Education",
  },
  "industry.media": {
    ja: "メディア・エンタメ",
    en: "Media / Entertainment",
  },
  "industry.retail": {
    ja: "小売・消費財",
    en: "Retail / Consumer",
  },
  "industry.public": {
    ja: "官公庁・公共",
    en: "Government / Public sector",
  },
  "industry.research": {
    ja: "研究・学術",
    en: "Research / Academia",
  },
  "industry.design": {
    ja: "デザイン・クリエイティブ",
    en: "Design / Creative",
  },
  "industry.marketing": {
    ja: "マーケティング・広告",
    en: "Marketing / Advertising",
  },
  "industry.realEstate": {
    ja: "不動産・建設",
    en: "Real estate / Construction",
  },
  "industry.logistics": {
    ja: "物流・運輸",
    en: "Logistics / Transport",
  },
  "industry.legal": {
    ja: "法務",
    en: "Legal",
  },
  "industry.nonprofit": {
    ja: "非営利",
    en: "Non-profit",
  },
  "industry.other": {
    ja: "その他",
    en: "Other",
  },

  "seniority.student": {
    ja: "学生",
    en: "Student",
  },
  "seniority.1-3": {
    ja: "1〜3年",
    en: "1–3 years",
  },
  "seniority.3-7": {
    ja: "3〜7年",
    en: "3–7 years",
  },
  "seniority.7-15": {
    ja: "7〜15年",
    en: "7–15 years",
  },
  "seniority.15+": {
    ja: "15年以上",
    en: "15+ years",
  },

  "meeting.online": {
    ja: "オンライン",
    en: "Online",
  },
  "meeting.in_person": {
    ja: "対面",
    en: "In person",
  },
  "meeting.either": {
    ja: "どちらでも",
    en: "Either",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
