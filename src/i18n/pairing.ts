// Messages of weekly 1:1 pairing: /match (members), /musubi pairing (organizers), the weekly
// pairing round (pairingRound.*: heads-up, announcement, intro, follow-up) and the reasons of a pair.
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const pairingMessages = {
  "match.description": {
    ja: "毎週の1on1マッチング: 参加・退出・一時停止・スキップ・状況・ブロック",
    en: "Weekly 1:1 pairing: join, leave, pause, skip, status, block",
  },
  "match.join.description": {
    ja: "毎週のマッチングに参加する",
    en: "Join weekly pairing",
  },
  "match.leave.description": {
    ja: "毎週のマッチングから抜ける",
    en: "Leave weekly pairing",
  },
  "match.pause.description": {
    ja: "マッチングを数週間お休みする",
    en: "Pause pairing for some weeks",
  },
  "match.pause.option.weeks": {
    ja: "何週間か（1〜12、既定は1）",
    en: "How many weeks (1–12, default 1)",
  },
  "match.skip.description": {
    ja: "次の回だけお休みする",
    en: "Skip the next round only",
  },
  "match.status.description": {
    ja: "自分のマッチング状況と次の回",
    en: "Your pairing status and next round",
  },
  "match.block.description": {
    ja: "このメンバーとはマッチングしない（相手には伝わりません）",
    en: "Never pair me with this member (they are not told)",
  },
  "match.unblock.description": {
    ja: "このメンバーとのマッチングを再び許可する",
    en: "Allow pairing with this member again",
  },
  "match.option.member": {
    ja: "対象のメンバー",
    en: "The member to block or unblock",
  },
  "match.needsIntro": {
    ja: "先に自己紹介をお願いします。マッチングは自己紹介をもとに相手を探します。",
    en: "Please introduce yourself first: pairing uses your introduction to find a good partner.",
  },
  "match.needsIntroButton": {
    ja: "自己紹介する",
    en: "Introduce yourself",
  },
  "match.joined": {
    ja: "毎週のマッチングに参加しました。次の回は {time} です。",
    en: "You joined weekly pairing. The next round is {time}.",
  },
  "match.joinedNoRound": {
    ja: "毎週のマッチングに参加しました。オーガナイザーがまだマッチングを有効にしていません。有効になり次第対象になります。",
    en: "You joined weekly pairing. An organizer has not turned pairing on yet; you will be included once they do.",
  },
  "match.alreadyJoined": {
    ja: "すでに毎週のマッチングに参加しています。次の回は {time} です。",
    en: "You are already in weekly pairing. The next round is {time}.",
  },
  "match.left": {
    ja: "毎週のマッチングから抜けました。/match join でいつでも戻れます。",
    en: "You left weekly pairing. Join again any time with /match join.",
  },
  "match.notJoined": {
    ja: "毎週のマッチングに参加していません。/match join で参加できます。",
    en: "You are not in weekly pairing. Join with /match join.",
  },
  "match.paused": {
    ja: "{time} までマッチングをお休みします。/match join で早めに再開できます。",
    en: "Pairing is paused for you until {time}. /match join resumes it earlier.",
  },
  "match.skipped": {
    ja: "{time} の回はお休みします。その次の回から戻ります。",
    en: "You will sit out the round of {time}; you are back the round after.",
  },
  "match.noNextRound": {
    ja: "このコミュニティではまだマッチングが有効になっていません。",
    en: "Pairing is not turned on in this community yet.",
  },
  "match.status.title": {
    ja: "あなたのマッチング",
    en: "Your pairing",
  },
  "match.status.state": {
    ja: "状態",
    en: "State",
  },
  "match.status.active": {
    ja: "参加中",
    en: "In the pool",
  },
  "match.status.inactive": {
    ja: "未参加",
    en: "Not joined",
  },
  "match.status.pausedUntil": {
    ja: "{time} までお休み",
    en: "Paused until {time}",
  },
  "match.status.autoPaused": {
    ja: "3回続けて回答がなかったためお休み中 — /match join で再開",
    en: "Paused after three rounds without an answer — /match join to resume",
  },
  "match.status.skipping": {
    ja: "次の回はお休み",
    en: "Sitting out the next round",
  },
  "match.status.next": {
    ja: "次の回",
    en: "Next round",
  },
  "match.status.partners": {
    ja: "最近の相手",
    en: "Latest partners",
  },
  "match.status.noPartners": {
    ja: "まだいません",
    en: "None yet",
  },
  "match.blocked": {
    ja: "{member}さんとはマッチングしないようにしました。相手には伝わりません。",
    en: "Done. You will not be paired with {member}; they are not told.",
  },
  "match.unblocked": {
    ja: "{member}さんとのマッチングを再び許可しました。",
    en: "Done. You can be paired with {member} again.",
  },
  "match.notBlocked": {
    ja: "{member}さんはリストにありませんでした。",
    en: "{member} was not on your list.",
  },
  "match.blockSelf": {
    ja: "自分自身はブロックできません。",
    en: "You cannot block yourself.",
  },

  "pairing.description": {
    ja: "毎週のマッチングの設定",
    en: "Weekly pairing settings",
  },
  "pairing.settings.description": {
    ja: "毎週のマッチングの設定を表示・変更する",
    en: "Show or change weekly pairing settings",
  },
  "pairing.preview.description": {
    ja: "試しに次の回の組み合わせを表示する（何も送信しません）",
    en: "Dry run: show the groups the next round would make (sends nothing)",
  },
  "pairing.runNow.description": {
    ja: "今すぐマッチングの回を実行する",
    en: "Run a pairing round now",
  },
  "pairing.option.channel": {
    ja: "告知とペア用スレッドのチャンネル",
    en: "Channel for announcements and pair threads",
  },
  "pairing.option.enabled": {
    ja: "毎週のマッチングのオン・オフ",
    en: "Turn weekly pairing on or off",
  },
  "pairing.option.cadence": {
    ja: "回の頻度",
    en: "How often rounds happen",
  },
  "pairing.option.weekday": {
    ja: "回の曜日",
    en: "Day of the round",
  },
  "pairing.option.hour": {
    ja: "回の時刻（0〜23時、コミュニティのタイムゾーン）",
    en: "Hour of the round (0–23, community time zone)",
  },
  "pairing.option.groupSize": {
    ja: "1グループの人数",
    en: "People per group",
  },
  "pairing.option.noRepeatWeeks": {
    ja: "同じ2人を再びマッチングしない週数",
    en: "Weeks before the same two can be paired again",
  },
  "pairing.option.announce": {
    ja: "告知に表示する内容",
    en: "What the announcement shows",
  },
  "pairing.option.headsUp": {
    ja: "前日に予告を投稿する",
    en: "Post a heads-up the day before",
  },
  "pairing.option.weights": {
    ja: "エンジンの重み 例: differentIndustry=300,offerSeek=200",
    en: "Engine weights, e.g. differentIndustry=300,offerSeek=200",
  },
  "pairing.on": {
    ja: "オン",
    en: "On",
  },
  "pairing.off": {
    ja: "オフ",
    en: "Off",
  },
  "pairing.cadence.1": {
    ja: "毎週",
    en: "Weekly",
  },
  "pairing.cadence.2": {
    ja: "隔週",
    en: "Every two weeks",
  },
  "pairing.cadence.4": {
    ja: "4週ごと",
    en: "Every four weeks",
  },
  "pairing.announce.names": {
    ja: "グループごとの名前",
    en: "Names, group by group",
  },
  "pairing.announce.count": {
    ja: "人数だけ",
    en: "Only the count",
  },
  "pairing.weekday.1": {
    ja: "月曜日",
    en: "Monday",
  },
  "pairing.weekday.2": {
    ja: "火曜日",
    en: "Tuesday",
  },
  "pairing.weekday.3": {
    ja: "水曜日",
    en: "Wednesday",
  },
  "pairing.weekday.4": {
    ja: "木曜日",
    en: "Thursday",
  },
  "pairing.weekday.5": {
    ja: "金曜日",
    en: "Friday",
  },
  "pairing.weekday.6": {
    ja: "土曜日",
    en: "Saturday",
  },
  "pairing.weekday.7": {
    ja: "日曜日",
    en: "Sunday",
  },
  "pairing.saved": {
    ja: "マッチングの設定を保存しました。",
    en: "Pairing settings saved.",
  },
  "pairing.summary": {
    ja: "マッチングの設定",
    en: "Pairing settings",
  },
  "pairing.field.state": {
    ja: "状態",
    en: "State",
  },
  "pairing.field.channel": {
    ja: "チャンネル",
    en: "Channel",
  },
  "pairing.field.when": {
    ja: "日時",
    en: "When",
  },
  "pairing.field.when.value": {
    ja: "{cadence}・{weekday} {hour}:00（{zone}）",
    en: "{cadence}, {weekday} {hour}:00 ({zone})",
  },
  "pairing.field.groupSize": {
    ja: "グループの人数",
    en: "Group size",
  },
  "pairing.field.noRepeat": {
    ja: "再マッチングしない期間",
    en: "No repeat within",
  },
  "pairing.field.noRepeat.value": {
    ja: "{weeks}週間",
    en: "{weeks} weeks",
  },
  "pairing.field.announce": {
    ja: "告知",
    en: "Announcement",
  },
  "pairing.field.headsUp": {
    ja: "前日の予告",
    en: "Heads-up",
  },
  "pairing.field.next": {
    ja: "次の回",
    en: "Next round",
  },
  "pairing.field.pool": {
    ja: "参加メンバー数",
    en: "Members in the pool",
  },
  "pairing.needsChannel": {
    ja: "先にチャンネルを選んでください: /musubi pairing settings channel:#チャンネル enabled:on",
    en: "Choose a channel first: /musubi pairing settings channel:#channel enabled:on",
  },
  "pairing.preview.title": {
    ja: "プレビュー: {members}人から{groups}グループ（何も送信していません）",
    en: "Preview: {groups} groups from {members} members (nothing was sent)",
  },
  "pairing.preview.empty": {
    ja: "まだマッチングできる人がいません。参加メンバーは{members}人です。",
    en: "Nobody to pair yet: {members} members are in the pool.",
  },
  "pairing.preview.unplaced": {
    ja: "グループに入れない人（{count}人）: {members}",
    en: "Not placed ({count}): {members}",
  },
  "pairing.preview.unplacedMember": {
    ja: "{member}さん（{reason}）",
    en: "{member} ({reason})",
  },
  "pairing.unplacedReason.language": {
    ja: "共通の言語を話す人がいない",
    en: "nobody shares a language",
  },
  "pairing.unplacedReason.blocks": {
    ja: "共通の言語を話す人をすべてブロック中",
    en: "has blocked everyone who shares a language",
  },
  "pairing.unplacedReason.round": {
    ja: "人数の都合",
    en: "the numbers did not work out",
  },
  "pairing.field.unplaced": {
    ja: "前回グループに入れなかった人",
    en: "Not placed last round",
  },
  "pairing.field.unplaced.value": {
    ja: "{count}人",
    en: "{count}",
  },
  "pairing.field.autoPaused": {
    ja: "フォローアップに回答がなくお休み中の人",
    en: "Paused for unanswered follow-ups",
  },
  "pairing.field.autoPaused.member": {
    ja: "{member}さん（回答なし{misses}回）",
    en: "{member} ({misses} unanswered)",
  },
  "pairing.runNow.started": {
    ja: "マッチングの回を今すぐ始めます。告知は {channel} に投稿されます。",
    en: "A round is starting now; its announcement follows in {channel}.",
  },

  "pairingRound.headsUp": {
    ja: "予告: 次のマッチングは {time} です。参加メンバーは{count}人です。今回は都合が悪い方は、ボタンを押すとこの回だけお休みできます。",
    en: "Heads-up: the next pairing round is {time}. {count} members are in the pool. Can't make it this time? Press the button to sit this round out.",
  },
  "pairingRound.headsUp.skip": {
    ja: "今回はお休みする",
    en: "Skip this round",
  },
  "pairingRound.skipped": {
    ja: "この回はお休みします。次の回から戻ります。",
    en: "You will sit out this round; you are back the next one.",
  },
  "pairingRound.tooLate": {
    ja: "この回の組み合わせはすでに決まりました。",
    en: "This round has already been made.",
  },
  "pairingRound.announce.names": {
    ja: "今回のペアが決まりました！🎉",
    en: "This round's pairs are out! 🎉",
  },
  "pairingRound.announce.namesHint": {
    ja: "プライベートスレッドかメッセージで挨拶してみましょう。",
    en: "Check your private thread or messages to say hello.",
  },
  "pairingRound.announce.count": {
    ja: "今回のペアが決まりました！🎉 {members}人が{groups}グループになりました。プライベートスレッドかメッセージで挨拶してみましょう。",
    en: "This round's pairs are out! 🎉 {members} members were paired into {groups} groups. Check your private thread or messages to say hello.",
  },
  "pairingRound.announce.names.groups": {
    ja: "今回のグループが決まりました！🎉",
    en: "This round's groups are out! 🎉",
  },
  "pairingRound.announce.count.groups": {
    ja: "今回のグループが決まりました！🎉 {members}人が{groups}グループになりました。プライベートスレッドかメッセージで挨拶してみましょう。",
    en: "This round's groups are out! 🎉 {members} members were put into {groups} groups. Check your private thread or messages to say hello.",
  },
  "pairingRound.announce.none": {
    ja: "今回は人数が足りませんでした。友だちを誘って /match join！",
    en: "Not enough members for a round this time. Invite a friend and /match join!",
  },
  "pairingRound.intro.title": {
    ja: "今回のペア: {names}",
    en: "You are paired this round: {names}",
  },
  "pairingRound.intro.body": {
    ja: "{mentions}、こんにちは！musubi が今回のペアにしました。今週30分ほど話してみましょう。下で日時を相談してください。",
    en: "Hello {mentions}! musubi paired you this round. Take 30 minutes this week to talk — suggest a time below.",
  },
  "pairingRound.intro.body.group": {
    ja: "{mentions}、こんにちは！musubi が今回この{count}人をグループにしました。今週みなさんで30分ほど話してみましょう。下で日時を相談してください。",
    en: "Hello {mentions}! musubi put the {count} of you together this round. Take 30 minutes this week to talk all together — suggest a time below.",
  },
  "pairingRound.intro.title.group": {
    ja: "今回のグループ: {names}",
    en: "Your group this round: {names}",
  },
  "pairingRound.intro.why.group": {
    ja: "このグループの理由",
    en: "Why this group",
  },
  "pairingRound.intro.why": {
    ja: "このペアの理由",
    en: "Why you two",
  },
  "pairingRound.intro.starters": {
    ja: "話のきっかけ",
    en: "Conversation starters",
  },
  "pairingRound.intro.inPerson": {
    ja: "おふたりとも{city}で対面を希望しています。お茶でもいかがですか？",
    en: "You both prefer meeting in person in {city}: how about coffee?",
  },
  "pairingRound.starter.offer": {
    ja: "{giver}さんは{tags}を提供でき、{receiver}さんはそれを求めています。",
    en: "{giver} can offer {tags}; {receiver} is looking for it.",
  },
  "pairingRound.starter.interests": {
    ja: "共通の興味: {interests}",
    en: "You share an interest in {interests}.",
  },
  "pairingRound.starter.interestsOf": {
    ja: "{a}さんと{b}さんの共通の興味: {interests}",
    en: "{a} and {b} share an interest in {interests}.",
  },
  "pairingRound.starter.work": {
    ja: "{name}さんに{role}としての普段の一週間を聞いてみましょう。",
    en: "Ask {name} what a typical week looks like as {role}.",
  },
  "pairingRound.followUp": {
    ja: "話してみてどうでしたか？次のマッチングのために教えてください。",
    en: "How did it go? Let musubi know — it helps the next pairing.",
  },
  "pairingRound.followUp.in_person": {
    ja: "対面で会えた",
    en: "Met in person",
  },
  "pairingRound.followUp.online": {
    ja: "オンラインで話した",
    en: "Met online",
  },
  "pairingRound.followUp.scheduled": {
    ja: "日程を決めた",
    en: "Scheduled",
  },
  "pairingRound.followUp.not_met": {
    ja: "会えなかった",
    en: "Couldn't meet",
  },
  "pairingRound.followUp.thanks": {
    ja: "ありがとうございます！記録しました: {answer}",
    en: "Thanks! Noted: {answer}.",
  },
  "pairingRound.followUp.notYours": {
    ja: "この質問はそのグループのメンバー向けです。",
    en: "This question is for the members of that group.",
  },
  "pairingRound.autoPaused": {
    ja: "3回続けてフォローアップへの回答がなかったため、マッチングをお休みにしました。また誰かと話したくなったら /match join と入力してください。",
    en: "You have not answered the follow-up for three rounds, so pairing is paused for you. Whenever you want to meet someone again, type /match join.",
  },
  "pairingRound.unplaced.language": {
    ja: "今回のマッチングでは、あなたと共通の言語を話すメンバーがいなかったため、グループに入れませんでした。/intro で話せる言語を追加すると、次の回から相手が見つかりやすくなります。",
    en: "This round could not place you in a group: nobody else in the pool speaks one of your languages. Adding a language to your intro (/intro) helps the next round find you a partner.",
  },
  "pairingRound.unplaced.blocks": {
    ja: "今回のマッチングでは、あなたと共通の言語を話すメンバーがすべてブロック中だったため、グループに入れませんでした。/match unblock で解除するか、次の回をお待ちください。",
    en: "This round could not place you in a group: everyone in the pool who speaks your languages is on your block list. /match unblock lifts a block; otherwise wait for the next round.",
  },
  "pairingRound.unplaced.round": {
    ja: "今回のマッチングでは、組み合わせの都合であなたの入るグループを作れませんでした。参加はそのままです。次の回をお待ちください。",
    en: "This round's groups could not take you in: the numbers did not work out this time. You stay in the pool for the next round.",
  },
  "pairingRound.autoPaused.keep": {
    ja: "続ける",
    en: "Keep me in",
  },
  "pairingRound.autoPaused.skip": {
    ja: "次の回だけお休みする",
    en: "Skip the next round",
  },
  "pairingRound.autoPaused.leave": {
    ja: "マッチングから抜ける",
    en: "Leave pairing",
  },

  "reason.about": {
    ja: "{reason}（{a}さんと{b}さん）",
    en: "{reason} ({a} and {b})",
  },
  "reason.differentIndustries": {
    ja: "異なる業界: {a} × {b}",
    en: "different industries: {a} × {b}",
  },
  "reason.sameIndustry": {
    ja: "同じ業界（{industry}）",
    en: "both in {industry}",
  },
  "reason.seniorityGap": {
    ja: "{senior}さんが{junior}さんより少し先輩",
    en: "{senior} is a little ahead of {junior}",
  },
  "reason.seniorityFar": {
    ja: "{senior}さんは{junior}さんよりかなり先輩",
    en: "{senior} is far ahead of {junior}",
  },
  "reason.sameSeniority": {
    ja: "同じくらいのキャリア段階",
    en: "at the same career stage",
  },
  "reason.canOffer": {
    ja: "{giver}さんは{tags}を提供でき、{receiver}さんはそれを求めています",
    en: "{giver} can offer {tags}, {receiver} is looking for it",
  },
  "reason.sameCityInPerson": {
    ja: "おふたりとも{city}で対面希望",
    en: "both in {city}, prefer meeting in person",
  },
  "reason.sameCityInPerson.group": {
    ja: "みなさん{city}で対面希望",
    en: "all in {city}, prefer meeting in person",
  },
  "reason.timeZoneOverlap": {
    ja: "勤務時間の重なり {hours} 時間",
    en: "{hours} h of shared working hours",
  },
  "reason.sharedInterests": {
    ja: "共通の興味: {interests}",
    en: "shared interests: {interests}",
  },
  "reason.metBefore": {
    ja: "{weeks}週間前に会っています",
    en: "met {weeks} weeks ago",
  },
  "reason.metThisWeek": {
    ja: "今週すでに会っています",
    en: "already met this week",
  },
  "reason.meetAgain": {
    ja: "{a}さんと{b}さんはまた会いたいと話していました（{weeks}週間前）",
    en: "{a} and {b} both said they would like to meet again ({weeks} weeks ago)",
  },

  "match.pause.label.weeks": {
    ja: "週数",
    en: "Weeks",
  },
  "pairing.label.channel": {
    ja: "マッチングのチャンネル",
    en: "Pairing channel",
  },
  "pairing.label.enabled": {
    ja: "マッチングのオン・オフ",
    en: "Pairing on or off",
  },
  "pairing.label.cadence": {
    ja: "頻度",
    en: "How often",
  },
  "pairing.label.weekday": {
    ja: "曜日",
    en: "Weekday",
  },
  "pairing.label.hour": {
    ja: "時刻",
    en: "Hour",
  },
  "pairing.label.noRepeatWeeks": {
    ja: "同じ相手と組まない週数",
    en: "Weeks before a repeat",
  },
  "pairing.label.weights": {
    ja: "重み",
    en: "Weights",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
