// Messages of pairing programs: /musubi pairing program-* (organizers), /match join, leave and
// status with a program (members), and what a program's round says (mentoring starters).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const programsMessages = {
  "program.rule.cross-industry": { ja: "異業種", en: "cross-industry" },
  "program.rule.mentoring": { ja: "メンタリング（先輩と後輩）", en: "mentoring (senior and junior)" },
  "program.rule.within-group": { ja: "グループ内", en: "within a group" },
  "program.rule.in-person": { ja: "対面（同じ街）", en: "in person (same city)" },
  "program.role.mentor": { ja: "メンター（先輩）", en: "mentor" },
  "program.role.mentee": { ja: "メンティー（後輩）", en: "mentee" },

  "program.add.description": { ja: "マッチングのプログラムを作る", en: "Create a pairing program" },
  "program.set.description": { ja: "マッチングのプログラムを設定する", en: "Configure a pairing program" },
  "program.remove.description": { ja: "マッチングのプログラムを削除する", en: "Remove a pairing program" },
  "program.list.description": { ja: "マッチングのプログラムの一覧", en: "List the pairing programs" },
  "program.label.name": { ja: "プログラム名", en: "Program" },
  "program.option.name": { ja: "プログラムの名前（例: mentoring、2019期）", en: "The program's name (e.g. mentoring, alumni)" },
  "program.option.join": { ja: "参加するプログラム（省略すると毎週のマッチング）", en: "Program to join (default: weekly pairing)" },
  "program.option.leave": { ja: "抜けるプログラム（省略すると毎週のマッチング）", en: "Program to leave (default: weekly pairing)" },
  "program.label.rule": { ja: "ルール", en: "Rule" },
  "program.option.rule": { ja: "だれとだれを組み合わせるか", en: "Who is grouped with whom" },
  "program.label.channel": { ja: "プログラムのチャンネル", en: "Program channel" },
  "program.option.channel": { ja: "このプログラムの告知とペア用スレッドのチャンネル", en: "Channel for this program's announcements and pair threads" },
  "program.label.question": { ja: "質問", en: "Question" },
  "program.option.question": {
    ja: "グループ内のプログラムで参加時に聞くこと（例: 期、学校、チーム）",
    en: "Within a group: what members give when joining (e.g. cohort, school, team)",
  },
  "program.label.role": { ja: "役割", en: "Role" },
  "program.option.role": { ja: "メンタリングでの役割（省略すると経験年数で決まります）", en: "Your role in mentoring (default: by seniority)" },
  "program.label.attribute": { ja: "所属", en: "Attribute" },
  "program.option.attribute": {
    ja: "グループ内のプログラムで答えること（期、学校、街、チームなど）",
    en: "Within a group: your answer (a cohort, a school, a city, a team)",
  },

  "program.created": {
    ja: "プログラム「{name}」を作りました。メンバーは /match join program:{name} で参加できます。",
    en: "Program “{name}” created. Members join with /match join program:{name}.",
  },
  "program.saved": { ja: "プログラム「{name}」を保存しました。", en: "Program “{name}” saved." },
  "program.removed": {
    ja: "プログラム「{name}」を削除しました。これまでの組み合わせはマッチングの履歴に残ります。",
    en: "Program “{name}” removed. Its past groups stay in the pairing history.",
  },
  "program.none": {
    ja: "毎週のマッチングのほかにプログラムはありません。/musubi pairing program-add で作れます。",
    en: "No programs besides weekly pairing. Create one with /musubi pairing program-add.",
  },
  "program.list.title": { ja: "マッチングのプログラム", en: "Pairing programs" },
  "program.list.line": {
    ja: "{name}: {rule}・{channel}・{when}・{members}人・{state}",
    en: "{name}: {rule}, {channel}, {when}, {members} members, {state}",
  },
  "program.list.question": { ja: "（参加時の質問: {question}）", en: " (asked when joining: {question})" },

  "program.unknown": {
    ja: "「{name}」というプログラムはありません。あるプログラム: {programs}",
    en: "There is no program called “{name}”. Programs: {programs}",
  },
  "program.nameTaken": {
    ja: "「{name}」という名前はすでに使われています。別の名前にしてください。",
    en: "The name “{name}” is already taken. Please choose another.",
  },
  "program.tooMany": {
    ja: "プログラムは{max}個までです。使っていないものを削除してから作ってください。",
    en: "A community runs at most {max} programs. Remove one you no longer use first.",
  },
  "program.needsQuestion": {
    ja: "グループ内のプログラムには、参加時に聞く質問（例: question:期）が必要です。",
    en: "A within-a-group program needs the question members answer when joining (e.g. question:cohort).",
  },
  "program.needsAttribute": {
    ja: "「{name}」に参加するには、{question}を答えてください（例: /match join program:{name} attribute:…）。同じ答えの人どうしで組み合わせます。",
    en: "To join “{name}”, please give your {question} (e.g. /match join program:{name} attribute:…). Members are grouped with those who gave the same.",
  },
  "program.roleOnlyMentoring": {
    ja: "役割を選べるのはメンタリングのプログラムだけです。",
    en: "A role can only be chosen in a mentoring program.",
  },
  "program.attributeOnlyWithinGroup": {
    ja: "所属を答えるのはグループ内のプログラムだけです。",
    en: "An attribute is only given in a within-a-group program.",
  },
  "program.needsInPerson": {
    ja: "「{name}」は同じ街で対面で会いたい人どうしのプログラムです。/intro で街を入れ、会い方を「対面」にしてから参加してください。",
    en: "“{name}” is for members of the same city who prefer meeting in person. Please set your city and “in person” in /intro first.",
  },
  "program.joined": {
    ja: "プログラム「{name}」に参加しました{answer}。次の回は {time} です。",
    en: "You joined the program “{name}”{answer}. The next round is {time}.",
  },
  "program.joinedNoRound": {
    ja: "プログラム「{name}」に参加しました{answer}。次の回はまだ決まっていません。",
    en: "You joined the program “{name}”{answer}. The next round is not planned yet.",
  },
  "program.joined.role": { ja: "（{role}）", en: " as {role}" },
  "program.joined.attribute": { ja: "（{question}: {attribute}）", en: " ({question}: {attribute})" },
  "program.left": {
    ja: "プログラム「{name}」から抜けました。",
    en: "You left the program “{name}”.",
  },
  "program.notJoined": {
    ja: "プログラム「{name}」に参加していません。",
    en: "You are not in the program “{name}”.",
  },
  "program.status.mine": { ja: "参加しているプログラム", en: "Your programs" },
  "program.status.mineNone": { ja: "なし（/match join program:名前 で参加できます）", en: "None (join with /match join program:name)" },
  "program.status.all": { ja: "このコミュニティのプログラム", en: "This community's programs" },
  "program.status.line": { ja: "{name}: {rule}{answer}・次の回 {time}", en: "{name}: {rule}{answer}, next round {time}" },
  "program.status.entry": { ja: "{name}: {rule}・{channel}・{when}", en: "{name}: {rule}, {channel}, {when}" },
  "program.status.offLine": { ja: "{name}: {rule}（停止中）", en: "{name}: {rule} (paused)" },
  "program.runNow.started": {
    ja: "プログラム「{name}」の回を始めました。組み合わせは {channel} に届きます。",
    en: "A round of “{name}” has started. Its groups will appear in {channel}.",
  },
  "program.announce": { ja: "【{name}】", en: "[{name}]" },

  // {mentor} and {mentees} come with their honorific (listMembers): 「akiさん」「kenさん、yuiさん」.
  "program.starter.advice": {
    ja: "{mentor}に、{mentees}の年次のころに知っておきたかったことを聞いてみましょう。",
    en: "Ask {mentor} what they wish they had known at {mentees}'s stage.",
  },
  "program.starter.challenge": {
    ja: "{mentees}から、いま仕事でいちばん悩んでいることを{mentor}に話してみましょう。",
    en: "{mentees}: tell {mentor} about the biggest challenge in your work right now.",
  },
  "program.starter.nextStep": {
    ja: "最後に、{mentees}の次の一歩を一緒にひとつ決めてみましょう。",
    en: "Before you part, agree together on one next step for {mentees}.",
  },
} as const;
