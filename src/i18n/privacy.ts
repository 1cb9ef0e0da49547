// Messages of /forget-me: deleting what musubi keeps about a member.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const privacyMessages = {
  "forget.description": {
    ja: "このコミュニティで musubi が保存しているあなたのデータをすべて削除する",
    en: "Delete everything musubi keeps about you in this community",
  },
  "forget.confirm": {
    ja: "自己紹介とそのカード、提供と募集とそのカード、毎週のマッチングの設定と履歴、送ったお礼と受け取ったお礼、読書会・勉強会の参加登録と出欠を削除します（あなたが主催する会は中止し、参加者に知らせます）。ほかのメンバーのつながりには「退会したメンバー」とだけ残り、名前は残りません。元に戻すことはできません。",
    en: "This deletes your introduction and its card, your offers and asks with their cards, your weekly pairing settings and history, the thanks you sent and received, and your places and attendance in reading clubs and study sessions (rounds you organize are cancelled and their participants told). Other members' networks keep only “a former member”, never your name. It cannot be undone.",
  },
  "forget.button": {
    ja: "データを削除する",
    en: "Delete my data",
  },
  "forget.done": {
    ja: "削除しました。musubi はこのコミュニティであなたのデータを保存していません（提供と募集{posts}件、読書会・勉強会{rounds}件）。また使うと、新しく始まります。",
    en: "Done: musubi no longer keeps any data about you here ({posts} offers and asks, {rounds} rounds). If you use musubi again, you start afresh.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
