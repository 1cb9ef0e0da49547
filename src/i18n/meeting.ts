// Messages that help a pairing group actually meet (pairTime.*: the times proposed in its private
// space, the picks, the calendar invite and its reminder) and of per-round opt-in (optIn.*).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const meetingMessages = {
  "pairTime.proposals": {
    ja: "それぞれの活動時間（各自のタイムゾーンで平日9時〜21時）に収まる日時の候補です。都合のよいものを選んでください。全員が同じ候補を選ぶと決まり、カレンダーの招待が届きます。\n{times}",
    en: "Times that fall within everyone's hours (weekdays 9:00–21:00 in each of your own time zones). Pick the one that suits you: when everyone picks the same one, it is settled and each of you gets a calendar invite.\n{times}",
  },
  "pairTime.option": {
    ja: "候補{number}: {time}",
    en: "Option {number}: {time}",
  },
  "pairTime.button.pick": {
    ja: "候補{number}",
    en: "Option {number}",
  },
  "pairTime.button.none": {
    ja: "どれも合わない",
    en: "None of these work",
  },
  "pairTime.picks": {
    ja: "選んだ候補:\n{picks}",
    en: "Picks so far:\n{picks}",
  },
  "pairTime.picks.member": {
    ja: "{member}さん: {choice}",
    en: "{member}: {choice}",
  },
  "pairTime.picks.none": {
    ja: "どれも合わない",
    en: "none of these work",
  },
  "pairTime.picks.notYet": {
    ja: "まだ選んでいません",
    en: "not picked yet",
  },
  "pairTime.none": {
    ja: "{member}さんはどの候補も都合が合いません。ここで別の日時を相談してください。",
    en: "None of these times work for {member}. Suggest another time here.",
  },
  "pairTime.picked": {
    ja: "{choice}を選びました。全員がそろうと決まります。決まるまでは選び直せます。",
    en: "You picked {choice}. It is settled when everyone picks the same one; until then you can change your pick.",
  },
  "pairTime.pickedNone": {
    ja: "どの候補も合わないことをグループに伝えました。別の日時をスペースで相談してください。",
    en: "Your group now knows none of these times work for you. Suggest another time in your space.",
  },
  "pairTime.pickedAgreed": {
    ja: "全員が{choice}を選びました。カレンダーの招待をダイレクトメッセージで送ります。",
    en: "Everyone picked {choice}. Your calendar invite is on its way by direct message.",
  },
  "pairTime.agreed": {
    ja: "日時が決まりました: {time}。カレンダーの招待をひとりずつダイレクトメッセージで送ります。開始の1時間前にここでお知らせします。",
    en: "It's settled: {time}. Each of you gets a calendar invite by direct message, and a reminder here an hour before.",
  },
  "pairTime.invite": {
    ja: "{names}との30分: {time}。添付のファイルでカレンダーに追加できます。",
    en: "Your 30 minutes with {names}: {time}. The attached file adds it to your calendar.",
  },
  "pairTime.invite.title": {
    ja: "musubi: {names}と話す",
    en: "musubi: talk with {names}",
  },
  "pairTime.invite.description": {
    ja: "musubi のマッチングで決まった30分です。話す場所はプライベートスペースで決めてください。",
    en: "Your 30 minutes from musubi's weekly pairing. Agree on where to talk in your private space.",
  },
  "pairTime.reminder": {
    ja: "{mentions}、まもなく {time} から話す予定です。楽しんでください！",
    en: "{mentions}: you meet soon, {time}. Enjoy!",
  },
  "pairTime.followUp": {
    ja: "{time} に話す予定でしたね。どうでしたか？次のマッチングのために教えてください。",
    en: "You planned to meet {time}. How did it go? Let musubi know — it helps the next pairing.",
  },
  "pairTime.unknown": {
    ja: "この日時の候補は見つかりません。スペースにある最新の候補から選んでください。",
    en: "That proposed time no longer exists. Pick one of the latest proposals in your space.",
  },
  "pairTime.notYours": {
    ja: "この日時の候補はそのグループのメンバー向けです。",
    en: "These proposed times are for the members of that group.",
  },
  "pairTime.alreadyAgreed": {
    ja: "日時はすでに {time} に決まっています。",
    en: "The time is already settled: {time}.",
  },
  "pairTime.passed": {
    ja: "この候補の日時はもう過ぎています。別の日時をスペースで相談してください。",
    en: "That time has already passed. Suggest another time in your space.",
  },

  "optIn.headsUp": {
    ja: "予告: 次のマッチングは {time} です。今回参加しますか？「参加する」と答えた方だけで組み合わせます。",
    en: "Heads-up: the next pairing round is {time}. Are you in this week? Only those who answer yes are paired.",
  },
  "optIn.yes": {
    ja: "参加する",
    en: "Yes, I'm in",
  },
  "optIn.no": {
    ja: "今回は見送る",
    en: "Not this week",
  },
  "optIn.answeredYes": {
    ja: "参加で受け付けました。{time} の回で組み合わせます。",
    en: "You're in: you will be paired in the round of {time}.",
  },
  "optIn.answeredNo": {
    ja: "今回は見送りで受け付けました。また次の回でお待ちしています。",
    en: "Noted: not this week. See you next round.",
  },
  "optIn.reminder": {
    ja: "まだ回答がありません: 次のマッチング（{time}）に参加しますか？「参加する」と答えた方だけで組み合わせます。",
    en: "You have not answered yet: are you in the next pairing round ({time})? Only those who answer yes are paired.",
  },
  "optIn.field": {
    ja: "回ごとの参加確認",
    en: "Per-round opt-in",
  },
  "optIn.field.value": {
    ja: "オン（次の回: 参加{yes}人 / {pool}人）",
    en: "on (next round: {yes} of {pool} said yes)",
  },
  "optIn.option": {
    ja: "予告で「今回参加しますか？」と聞き、参加すると答えたメンバーだけで組み合わせる",
    en: "The heads-up asks who is in this week; only those who answer yes are paired",
  },
  "optIn.preview": {
    ja: "回ごとの参加確認: {pool}人中{yes}人が参加と回答しました。",
    en: "Per-round opt-in: {yes} of {pool} said yes.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
