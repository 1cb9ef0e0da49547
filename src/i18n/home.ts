// Messages of a member's own page (Slack's App Home, src/app/home/member-home.ts). Its states,
// next round and partners' labels are those of /match status (match.status.*).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const homeMessages = {
  "home.title": {
    ja: "{member}さんのページ",
    en: "{member}'s page",
  },
  "home.pairing.title": {
    ja: "🤝 毎週のマッチング",
    en: "🤝 Weekly pairing",
  },
  "home.pairing.partners": {
    ja: "直近の回の相手",
    en: "Partners of your latest round",
  },
  "home.network.title": {
    ja: "🌱 あなたのつながり",
    en: "🌱 Your network",
  },
  "home.network.summary": {
    ja: "出会った人: {people}人 · お互いにまた会いたい人: {mutual}人 · 受け取った感謝: {thanks}件",
    en: "People met: {people} · both want to meet again: {mutual} · thanks received: {thanks}",
  },
  "home.network.empty": {
    ja: "まだ musubi での出会いはありません。マッチングや読書会・勉強会に参加すると、ここに表示されます。",
    en: "You have not met anyone through musubi yet. Join pairing or a round and they will appear here.",
  },
  "home.network.suggestions": {
    ja: "また声をかけてみませんか",
    en: "Someone to reconnect with",
  },
  "home.posts.title": {
    ja: "📌 あなたの提供と募集",
    en: "📌 Your offers and asks",
  },
  "home.posts.none": {
    ja: "受付中の投稿はありません。/offer や /ask で投稿できます。",
    en: "No open posts. Post one with /offer or /ask.",
  },
  "home.rounds.title": {
    ja: "📚 参加する読書会・勉強会",
    en: "📚 Your reading clubs and study sessions",
  },
  "home.rounds.none": {
    ja: "予定されている回はありません。/round list で参加できる会を見られます。",
    en: "No sessions coming up. /round list shows the rounds you can join.",
  },
  "home.rounds.next": {
    ja: "次回: {time}",
    en: "Next: {time}",
  },
  "home.rounds.seat": {
    ja: "✅ 席があります",
    en: "✅ You have a seat",
  },
  "home.rounds.waitlist": {
    ja: "⏳ キャンセル待ち {position}番目",
    en: "⏳ Number {position} on the waitlist",
  },
  "home.button.join": {
    ja: "マッチングに参加する",
    en: "Join pairing",
  },
  "home.button.resume": {
    ja: "マッチングを再開する",
    en: "Resume pairing",
  },
  "home.button.skip": {
    ja: "次の回をお休みする",
    en: "Skip the next round",
  },
  "home.button.pause": {
    ja: "1週間お休みする",
    en: "Pause for one week",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
