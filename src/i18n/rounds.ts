// Messages of rounds: reading clubs and study sessions (/round).
// Error messages take {field} (the field's label) and {value} (what was typed).
// Each key has its Japanese and English text side by side; placeholders are written {name}.
export const roundsMessages = {
  "rounds.field.kind": {
    ja: "種類",
    en: "Kind",
  },
  "rounds.field.title": {
    ja: "タイトル",
    en: "Title",
  },
  "rounds.field.topic": {
    ja: "本またはテーマ",
    en: "Book or topic",
  },
  "rounds.field.description": {
    ja: "説明",
    en: "Description",
  },
  "rounds.field.start": {
    ja: "初回の日時",
    en: "First session",
  },
  "rounds.field.zone": {
    ja: "タイムゾーン",
    en: "Time zone",
  },
  "rounds.field.cadence": {
    ja: "頻度",
    en: "How often",
  },
  "rounds.field.sessions": {
    ja: "回数",
    en: "Number of sessions",
  },
  "rounds.field.duration": {
    ja: "1回の長さ",
    en: "Length of a session",
  },
  "rounds.field.capacity": {
    ja: "定員",
    en: "Capacity",
  },
  "rounds.field.link": {
    ja: "オンラインのリンク",
    en: "Online link",
  },
  "rounds.field.venue": {
    ja: "会場",
    en: "Venue",
  },
  "rounds.field.facilitation": {
    ja: "進行役",
    en: "Facilitator",
  },
  "rounds.field.chapters": {
    ja: "章またはテーマ",
    en: "Chapters or topics",
  },

  "rounds.kind.reading": {
    ja: "読書会",
    en: "Reading club",
  },
  "rounds.kind.study": {
    ja: "勉強会",
    en: "Study session",
  },
  "rounds.cadence.once": {
    ja: "1回のみ",
    en: "Once",
  },
  "rounds.cadence.weekly": {
    ja: "毎週",
    en: "Every week",
  },
  "rounds.cadence.biweekly": {
    ja: "隔週",
    en: "Every two weeks",
  },
  "rounds.cadence.monthly": {
    ja: "毎月",
    en: "Every month",
  },
  "rounds.cadence.monthly_weekday": {
    ja: "毎月（同じ週の同じ曜日、例: 第2火曜）",
    en: "Every month on the same weekday (e.g. 2nd Tuesday)",
  },
  "rounds.cadence.monthly_last_weekday": {
    ja: "毎月（最終週の同じ曜日、例: 最終金曜）",
    en: "Every month on the last such weekday (e.g. last Friday)",
  },
  "rounds.card.cadence.monthly_weekday": {
    ja: "毎月{week}{weekday}",
    en: "Every month on the {week} {weekday}",
  },
  "rounds.card.cadence.monthly_last_weekday": {
    ja: "毎月最終{weekday}",
    en: "Every month on the last {weekday}",
  },
  "rounds.week.1": {
    ja: "第1",
    en: "first",
  },
  "rounds.week.2": {
    ja: "第2",
    en: "second",
  },
  "rounds.week.3": {
    ja: "第3",
    en: "third",
  },
  "rounds.week.4": {
    ja: "第4",
    en: "fourth",
  },
  "rounds.facilitation.organizer": {
    ja: "主催者",
    en: "The organizer",
  },
  "rounds.facilitation.rotating": {
    ja: "参加者で持ち回り",
    en: "Rotating among participants",
  },

  "rounds.error.kind": {
    ja: "{field}: 読書会か勉強会を選んでください。",
    en: "{field}: choose reading club or study session.",
  },
  "rounds.error.title": {
    ja: "{field}: 1〜100文字で入力してください。",
    en: "{field}: write a title of 1 to 100 characters.",
  },
  "rounds.error.topic": {
    ja: "{field}: 200文字以内で入力してください。",
    en: "{field}: write at most 200 characters.",
  },
  "rounds.error.description": {
    ja: "{field}: 1000文字以内で入力してください。",
    en: "{field}: write at most 1000 characters.",
  },
  "rounds.error.startUnreadable": {
    ja: "{field}: 「{value}」は日時としてそのまま読み取れません。「2026-12-05 19:30」「12月5日 19:30」「来週金曜 19時」「毎月第2火曜 19:30」のように入力してください。",
    en: "{field}: “{value}” is not a date and time we can read exactly as written. Write it like 2026-12-05 19:30, Dec 5 7:30pm, next Friday 7pm or second Tuesday of the month 7:30pm.",
  },
  "rounds.error.startFifthWeekday": {
    ja: "{field}: 「{value}」は月の5回目の曜日で、ない月があります。「毎月最終金曜 19時」のように最終週で指定してください。",
    en: "{field}: “{value}” is a fifth weekday of the month, which many months lack. Use the last one instead, like last Friday of the month 7pm.",
  },
  "rounds.error.startMonthly": {
    ja: "{field}: 「{value}」は毎月の予定です。頻度で「毎月」を選ぶか、「12月8日 19:30」のように初回の日付を入力してください。",
    en: "{field}: “{value}” repeats every month (“every second Tuesday” is read as the second Tuesday of each month). Choose Every month as How often, or write the first session's date, like Dec 8 7:30pm.",
  },
  "rounds.error.cadenceWeekdayMismatch": {
    ja: "{field}: 初回「{value}」と頻度が合いません。「毎月第2火曜」なら「毎月（同じ週の同じ曜日）」、「毎月最終金曜」なら「毎月（最終週の同じ曜日）」か「毎月」を選んでください。",
    en: "{field}: the first session “{value}” does not fit this choice. For second Tuesday of the month choose Every month on the same weekday; for last Friday of the month choose Every month on the last such weekday, or Every month.",
  },
  "rounds.error.cadenceFifthWeekday": {
    ja: "{field}: 初回「{value}」はその月の5回目の曜日で、ない月があります。「毎月（最終週の同じ曜日）」を選ぶか、第1〜第4週の日を初回にしてください。",
    en: "{field}: the first session “{value}” is a fifth weekday of its month, which many months lack. Choose Every month on the last such weekday, or a first session in the month's first four weeks.",
  },
  "rounds.error.cadenceNotLastWeekday": {
    ja: "{field}: 初回「{value}」はその月の最後の同じ曜日ではありません。「毎月最終金曜 19時」のように入力するか、「毎月（同じ週の同じ曜日）」を選んでください。",
    en: "{field}: the first session “{value}” is not the last such weekday of its month. Write it like last Friday of the month 7pm, or choose Every month on the same weekday.",
  },
  "rounds.error.startNoTime": {
    ja: "{field}: 「{value}」には時刻がありません。「12月5日 19:30」のように開始時刻も入力してください。",
    en: "{field}: “{value}” has no time of day. Add the time the session starts, like 12月5日 19:30 or Dec 5 7:30pm.",
  },
  "rounds.error.startTooFar": {
    ja: "{field}: 「{value}」は先すぎます。今日から5年以内の日時を入力してください。",
    en: "{field}: “{value}” is too far ahead. Choose a date and time within the next five years.",
  },
  "rounds.error.startPast": {
    ja: "{field}: 「{value}」はすでに過ぎています。これから先の日時を入力してください。",
    en: "{field}: “{value}” has already passed. Choose a date and time in the future.",
  },
  "rounds.error.zone": {
    ja: "{field}: 「{value}」は不明なタイムゾーンです（例: Asia/Tokyo、Europe/London）。",
    en: "{field}: “{value}” is not a known time zone (e.g. Asia/Tokyo or Europe/London).",
  },
  "rounds.error.cadence": {
    ja: "{field}: 1回のみ・毎週・隔週・毎月から選んでください。",
    en: "{field}: choose once, every week, every two weeks or every month.",
  },
  "rounds.error.sessions": {
    ja: "{field}: 1〜52の整数で入力してください。",
    en: "{field}: enter a whole number of sessions from 1 to 52.",
  },
  "rounds.error.onceSingleSession": {
    ja: "{field}: 「1回のみ」の回数は1回です。複数回にするには毎週・隔週・毎月を選んでください。",
    en: "{field}: a round held once has one session. For more sessions choose every week, every two weeks or every month.",
  },
  "rounds.error.duration": {
    ja: "{field}: 「90」「1h30」「1.5h」「90分」「1時間半」のように分か時間で入力してください。",
    en: "{field}: write the length in minutes or hours, like 90, 1h30, 1.5h, 90分 or 1時間半.",
  },
  "rounds.error.durationRange": {
    ja: "{field}: 15分から8時間までで入力してください。",
    en: "{field}: a session lasts from 15 minutes to 8 hours.",
  },
  "rounds.error.capacity": {
    ja: "{field}: 1〜500の整数で入力してください。",
    en: "{field}: enter a whole number of seats from 1 to 500.",
  },
  "rounds.error.link": {
    ja: "{field}: https:// または http:// で始まるURLを入力してください。",
    en: "{field}: enter a web address that starts with https:// or http://.",
  },
  "rounds.error.venue": {
    ja: "{field}: 200文字以内で入力してください。",
    en: "{field}: write at most 200 characters.",
  },
  "rounds.error.placeRequired": {
    ja: "{field}: 参加場所がわかるよう、オンラインのリンクか会場（または両方）を入力してください。",
    en: "{field}: give an online link, a venue, or both, so people know where to go.",
  },
  "rounds.error.facilitation": {
    ja: "{field}: 主催者か参加者で持ち回りを選んでください。",
    en: "{field}: choose the organizer or rotating among participants.",
  },
  "rounds.error.chapters": {
    ja: "{field}: 2000文字以内で入力してください。",
    en: "{field}: write at most 2000 characters.",
  },
  "rounds.error.tooManyChapters": {
    ja: "{field}: 項目が回数より多くなっています。1回につき1項目までにするか、回数を増やしてください。",
    en: "{field}: there are more items than sessions. Give at most one item per session, or raise the number of sessions.",
  },
  "rounds.error.chapterRange": {
    ja: "{field}: 「{value}」は章の範囲として読み取れません。「1-12」「全12章」「第1章〜第12章」のように入力してください。",
    en: "{field}: “{value}” is not a range of chapters. Write it like 1-12, 12 chapters or 第1章〜第12章.",
  },

  "rounds.description": {
    ja: "読書会・勉強会",
    en: "Reading clubs and study sessions",
  },
  "rounds.create.description": {
    ja: "読書会・勉強会を作成する",
    en: "Create a reading club or study session",
  },
  "rounds.list.description": {
    ja: "これからの読書会・勉強会",
    en: "Upcoming reading clubs and study sessions",
  },
  "rounds.show.description": {
    ja: "日程・場所・空席を表示する",
    en: "Show a round: schedule, place and seats",
  },
  "rounds.join.description": {
    ja: "参加する（満席ならキャンセル待ち）",
    en: "Join a round (the waitlist when it is full)",
  },
  "rounds.leave.description": {
    ja: "参加をやめる",
    en: "Leave a round",
  },
  "rounds.calendar.description": {
    ja: "カレンダーファイル（.ics）を受け取る",
    en: "Get a round's calendar file (.ics)",
  },
  "rounds.edit.description": {
    ja: "会の全体、または1回分を変更する",
    en: "Change a round, or one of its sessions",
  },
  "rounds.cancel.description": {
    ja: "残りの回を中止して、参加者に知らせる",
    en: "Cancel the rest of a round and tell its participants",
  },
  "rounds.option.round": {
    ja: "会の番号（/round list で確認できます）",
    en: "The round's number (see /round list)",
  },
  "rounds.option.session": {
    ja: "何回目か（1, 2, …）。省略すると全体を変更します",
    en: "Which session (1, 2, …); leave out to change the whole round",
  },
  "rounds.option.start": {
    ja: "新しい日時（例: 12月12日 19:30、来週金曜 19時）",
    en: "New date and time of the session, like 12月12日 19:30 or next Friday 7pm",
  },
  "rounds.option.label": {
    ja: "その回の新しい章・テーマ・発表者",
    en: "New chapters, topic or presenter of the session",
  },
  "rounds.option.cancelSession": {
    ja: "この回だけ中止する",
    en: "Cancel this session only",
  },
  "rounds.option.title": {
    ja: "新しいタイトル",
    en: "New title",
  },
  "rounds.option.topic": {
    ja: "新しい本またはテーマ",
    en: "New book or topic",
  },
  "rounds.option.description": {
    ja: "新しい説明",
    en: "New description",
  },
  "rounds.option.capacity": {
    ja: "新しい定員（増やすとキャンセル待ちの人が繰り上がります）",
    en: "New capacity (a larger one seats those waiting)",
  },
  "rounds.option.link": {
    ja: "新しいオンラインのリンク",
    en: "New online link",
  },
  "rounds.option.venue": {
    ja: "新しい会場",
    en: "New venue",
  },
  "rounds.form.title": {
    ja: "読書会・勉強会を作成",
    en: "New round",
  },
  "rounds.form.pageTitle": {
    ja: "読書会・勉強会を作成（{page}/{pages}）",
    en: "New round ({page}/{pages})",
  },
  "rounds.form.invalid": {
    ja: "作成できませんでした。次の点を直してください:\n{problems}",
    en: "The round was not created. Please fix:\n{problems}",
  },
  "rounds.placeholder.title": {
    ja: "『チームトポロジー』を読む会",
    en: "Reading “Team Topologies”",
  },
  "rounds.placeholder.topic": {
    ja: "本のタイトル、または勉強会のテーマ",
    en: "Book title, or the subject of the sessions",
  },
  "rounds.placeholder.start": {
    ja: "12月5日 19:30 / 来週金曜 19時 / 2026-12-05 19:30",
    en: "12月5日 19:30 / next Friday 7pm / 2026-12-05 19:30",
  },
  "rounds.placeholder.sessions": {
    ja: "6",
    en: "6",
  },
  "rounds.placeholder.duration": {
    ja: "90 / 1時間半 / 90分",
    en: "90 / 1h30 / 90分",
  },
  "rounds.placeholder.capacity": {
    ja: "12",
    en: "12",
  },
  "rounds.placeholder.link": {
    ja: "https://meet.example.com/…",
    en: "https://meet.example.com/…",
  },
  "rounds.placeholder.venue": {
    ja: "渋谷コワーキング 3F",
    en: "Shibuya Co-working, 3F",
  },
  "rounds.placeholder.chapters": {
    ja: "1-12 / 第1章〜第12章 / 1行に1つテーマや発表者",
    en: "1-12 / 第1章〜第12章 / one topic or presenter per line",
  },
  "rounds.placeholder.zone": {
    ja: "Asia/Tokyo",
    en: "Asia/Tokyo",
  },
  "rounds.created": {
    ja: "{title} を作成しました（全{sessions}回、初回は {time}）。メンバーはカードのボタンか /round join {number} で参加できます。\n日程: {dates}",
    en: "Created {title}: {sessions} session(s), the first on {time}. Members join from its card or with /round join {number}.\nDates: {dates}",
  },
  "rounds.created.separator": {
    ja: "、",
    en: "; ",
  },
  "rounds.created.more": {
    ja: "ほか{count}回",
    en: " and {count} more",
  },
  "rounds.cardNotPosted": {
    ja: "このチャンネルにカードを投稿できませんでした。ボットをチャンネルに招待してから /round show で共有してください。",
    en: "I could not post its card in this channel: invite me to the channel, then use /round show to share it.",
  },
  "rounds.notFound": {
    ja: "{number}番の読書会・勉強会はありません。/round list で予定を確認できます。",
    en: "There is no round number {number}. /round list shows the upcoming ones.",
  },
  "rounds.closed": {
    ja: "{title} には参加できる回が残っていません。",
    en: "{title} has no sessions left to join.",
  },
  "rounds.joined": {
    ja: "{title} に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave {number} でどうぞ。",
    en: "You have a seat in {title}. I will remind you before each session; /round leave {number} if plans change.",
  },
  "rounds.alreadyJoined": {
    ja: "{title} にはすでに参加登録しています。",
    en: "You already have a seat in {title}.",
  },
  "rounds.waitlisted": {
    ja: "{title} は満席のため、キャンセル待ち{position}番目で登録しました。席が空いたらお知らせします。",
    en: "{title} is full: you are number {position} on the waitlist. I will tell you when a seat frees up.",
  },
  "rounds.alreadyWaitlisted": {
    ja: "{title} のキャンセル待ちにすでに登録しています（{position}番目）。",
    en: "You are already on the waitlist of {title} (number {position}).",
  },
  "rounds.left": {
    ja: "{title} の参加を取り消しました。",
    en: "You left {title}.",
  },
  "rounds.notIn": {
    ja: "{title} には参加登録していません。",
    en: "You are not in {title}.",
  },
  "rounds.promoted": {
    ja: "{title} に空きが出たので、あなたの席を確保しました。日程は /round show {number}、参加できなくなったら /round leave {number} でどうぞ。",
    en: "A seat freed up in {title}: it is yours now. /round show {number} for the schedule, /round leave {number} if you can no longer come.",
  },
  "rounds.calendar.here": {
    ja: "{title} のカレンダーファイルです。開くと全ての回をカレンダーに追加できます。",
    en: "The calendar file of {title}: open it to add every session to your calendar.",
  },
  "rounds.calendar.fileName": {
    ja: "round-{number}",
    en: "round-{number}",
  },
  "rounds.show.seated": {
    ja: "✅ 参加登録済みです。",
    en: "✅ You have a seat.",
  },
  "rounds.show.waiting": {
    ja: "⏳ キャンセル待ちです。",
    en: "⏳ You are on the waitlist.",
  },
  "rounds.list.title": {
    ja: "これからの読書会・勉強会:",
    en: "Upcoming rounds:",
  },
  "rounds.list.line": {
    ja: "• {title} — 次回 {time} · 定員{capacity}人、空き{left}席",
    en: "• {title} — next {time} · {left} of {capacity} seats free",
  },
  "rounds.list.hint": {
    ja: "詳しくは /round show <番号>、参加は /round join <番号> で。",
    en: "/round show <number> for details, /round join <number> to take a seat.",
  },
  "rounds.list.none": {
    ja: "予定はまだありません。オーガナイザーは /round create で作成できます。",
    en: "No rounds are planned yet. Organizers can start one with /round create.",
  },
  "rounds.card.text": {
    ja: "新しい会: {title}。参加ボタンで席を確保できます。",
    en: "New: {title}. Press Join to take a seat.",
  },
  "rounds.card.cancelledText": {
    ja: "{title} は中止になりました。",
    en: "{title} has been cancelled.",
  },
  "rounds.card.status": {
    ja: "状態",
    en: "Status",
  },
  "rounds.card.cancelled": {
    ja: "中止",
    en: "Cancelled",
  },
  "rounds.card.schedule": {
    ja: "日程",
    en: "Schedule",
  },
  "rounds.card.place": {
    ja: "場所",
    en: "Place",
  },
  "rounds.card.seats": {
    ja: "席",
    en: "Seats",
  },
  "rounds.card.seatsValue": {
    ja: "{capacity}席中{taken}席が埋まっています（空き{left}席）",
    en: "{taken} of {capacity} taken · {left} free",
  },
  "rounds.card.waiting": {
    ja: "キャンセル待ち{count}人",
    en: "{count} on the waitlist",
  },
  "rounds.card.details": {
    ja: "進め方",
    en: "How it runs",
  },
  "rounds.card.organizer": {
    ja: "主催",
    en: "Organizer",
  },
  "rounds.card.facilitator": {
    ja: "進行 {member}",
    en: "led by {member}",
  },
  "rounds.card.sessionCancelled": {
    ja: "（中止）",
    en: "(cancelled)",
  },
  "rounds.card.more": {
    ja: "…ほか{count}回（/round show {number}）",
    en: "…and {count} more (/round show {number})",
  },
  "rounds.card.footer": {
    ja: "/round show {number} · /round calendar {number}",
    en: "/round show {number} · /round calendar {number}",
  },
  "rounds.button.join": {
    ja: "参加する",
    en: "Join",
  },
  "rounds.button.leave": {
    ja: "参加をやめる",
    en: "Leave",
  },
  "rounds.button.calendar": {
    ja: "カレンダーに追加",
    en: "Add to calendar",
  },
  "rounds.edit.cancelled": {
    ja: "{title} は中止されているため変更できません。",
    en: "{title} is cancelled and can no longer be changed.",
  },
  "rounds.edit.whichSession": {
    ja: "変更する回を session:<番号> で指定してください。タイトル・テーマ・説明・定員・リンク・会場は全体を変更します。",
    en: "Say which session to change with session:<number>; title, topic, description, capacity, link and venue change the whole round.",
  },
  "rounds.edit.startRepeats": {
    ja: "「{value}」は毎月の予定で、1回分の日時ではありません。「12月8日 19:30」「第2火曜 19:30」のようにこの回の日時を入力してください。",
    en: "“{value}” repeats every month; it is not one session's date. Give this session's date and time, like Dec 8 7:30pm or second Tuesday of the month 7:30pm.",
  },
  "rounds.edit.nothing": {
    ja: "変更する内容がありません。新しい値を1つ以上指定してください。",
    en: "Nothing to change: give at least one new value.",
  },
  "rounds.edit.noSession": {
    ja: "{title} に第{position}回はありません。",
    en: "{title} has no session {position}.",
  },
  "rounds.edit.sessionCancelled": {
    ja: "第{position}回はすでに中止されています。",
    en: "Session {position} is already cancelled.",
  },
  "rounds.edit.sessionHeld": {
    ja: "第{position}回はすでに開催済みです。",
    en: "Session {position} has already taken place.",
  },
  "rounds.edit.seriesSaved": {
    ja: "{title} を更新しました。カードにも反映されています。",
    en: "{title} is updated; its card shows the change.",
  },
  "rounds.edit.sessionSaved": {
    ja: "{title} の第{position}回は {time} になりました。時間が変わった場合は参加者に知らせました。",
    en: "Session {position} of {title} is now on {time}; participants were told of any change of time.",
  },
  "rounds.edit.sessionCancelledSaved": {
    ja: "{title} の第{position}回を中止し、参加者に知らせました。",
    en: "Session {position} of {title} is cancelled; participants were told.",
  },
  "rounds.cancel.already": {
    ja: "{title} はすでに中止されています。",
    en: "{title} is already cancelled.",
  },
  "rounds.cancel.done": {
    ja: "{title} を中止しました。席のある{seated}人とキャンセル待ちの{waiting}人に知らせ、カードにも表示しました。",
    en: "{title} is cancelled. Its {seated} seated member(s) and {waiting} on the waitlist were told, and its card shows it.",
  },
  "rounds.cancelledNotice": {
    ja: "{title}（番号{number}）はオーガナイザーにより中止になりました。残りの回は開催されません。",
    en: "{title} (round {number}) has been cancelled by the organizer. Its remaining sessions will not take place.",
  },
  "rounds.sessionCancelled": {
    ja: "{title}: {time} の第{position}回は中止になりました。ほかの回は予定どおりです。",
    en: "{title}: session {position} on {time} is cancelled. The other sessions stay as planned.",
  },
  "rounds.sessionMoved": {
    ja: "{title}: 日程が変わりました — {line}",
    en: "{title}: a session has changed — {line}",
  },
  "rounds.reminder.facilitator": {
    ja: "📝 {time} の {title} の進行役はあなたです: {label}。準備をよろしくお願いします！",
    en: "📝 You lead a session of {title} on {time}: {label}. Thank you for preparing it!",
  },
  "rounds.reminder.facilitatorNoLabel": {
    ja: "📝 {time} の {title} の進行役はあなたです。準備をよろしくお願いします！",
    en: "📝 You lead a session of {title} on {time}. Thank you for preparing it!",
  },
  "rounds.after.question": {
    ja: "{title} の第{position}回はいかがでしたか？ボタン1つで主催者に伝わります。学びを共有するとみんなの役に立ちます。",
    en: "How was session {position} of {title}? One tap tells the organizer; a takeaway helps everyone.",
  },
  "rounds.after.attended": {
    ja: "参加した",
    en: "I was there",
  },
  "rounds.after.missed": {
    ja: "参加できなかった",
    en: "I couldn't make it",
  },
  "rounds.after.takeaway": {
    ja: "学びを共有する",
    en: "Share a takeaway",
  },
  "rounds.after.thanksAttended": {
    ja: "ありがとうございます。参加を記録しました。",
    en: "Thanks, noted that you were there.",
  },
  "rounds.after.thanksMissed": {
    ja: "お知らせありがとうございます。また次回お会いしましょう！",
    en: "Thanks for telling us. See you next time!",
  },
  "rounds.after.notYours": {
    ja: "この質問はその会の参加者向けです。",
    en: "This question is for the participants of that round.",
  },
  "rounds.after.notYet": {
    ja: "その回はまだ開催されていません。",
    en: "That session has not taken place yet.",
  },
  "rounds.after.tooLate": {
    ja: "その回から1週間以上たっています。",
    en: "That session was more than a week ago.",
  },
  "rounds.takeaway.title": {
    ja: "今回の学び",
    en: "Your takeaway",
  },
  "rounds.takeaway.field": {
    ja: "この回で得た学びを1つ",
    en: "One thing you take away from the session",
  },
  "rounds.takeaway.placeholder": {
    ja: "驚いたこと、試してみたいこと…",
    en: "What surprised you, what you will try…",
  },
  "rounds.takeaway.expired": {
    ja: "その回のメッセージにある「学びを共有する」をもう一度押してください。",
    en: "Press “Share a takeaway” under the session's message again.",
  },
  "rounds.takeaway.post": {
    ja: "💬 {member}さんの第{position}回の学び:\n{takeaway}",
    en: "💬 {member}'s takeaway from session {position}:\n{takeaway}",
  },
  "rounds.takeaway.posted": {
    ja: "ありがとうございます！学びを会のスレッドに投稿しました。",
    en: "Thanks! Your takeaway is posted in the round's thread.",
  },
  "rounds.takeaway.saved": {
    ja: "ありがとうございます！学びを記録しました。",
    en: "Thanks! Your takeaway is saved.",
  },
  "rounds.field.reminders": {
    ja: "各回のリマインド",
    en: "Reminders before each session",
  },
  "rounds.placeholder.reminders": {
    ja: "1日前, 1時間前（なし も可）",
    en: "24h, 1h (or: none)",
  },
  "rounds.error.reminders": {
    ja: "{field}: 「{value}」は読み取れません。開始の5分前〜14日前を3つまで、「24h, 1h」「1日前、30分前」のように入力してください（不要なら「なし」）。",
    en: "{field}: “{value}” is not a list of up to 3 times before the session, each from 5 minutes to 14 days, like 24h, 1h or 1日前, 30分前 (or none).",
  },
  "rounds.reminder.participants": {
    ja: "⏰ あと{lead}で始まります: {title}\n{line}",
    en: "⏰ In {lead}: {title}\n{line}",
  },
  "rounds.lead.days": {
    ja: "{count}日",
    en: "{count} day(s)",
  },
  "rounds.lead.hours": {
    ja: "{count}時間",
    en: "{count} hour(s)",
  },
  "rounds.lead.minutes": {
    ja: "{count}分",
    en: "{count} minutes",
  },
  "rounds.show.attendance": {
    ja: "これまでの出欠",
    en: "Attendance so far",
  },
  "rounds.show.attendanceLine": {
    ja: "第{position}回: 参加{came}人 · 欠席{missed}人 · 学び{takeaways}件",
    en: "{position}. {came} came · {missed} could not · {takeaways} takeaway(s)",
  },

  "rounds.label.round": {
    ja: "会の番号",
    en: "Round number",
  },
  "rounds.label.session": {
    ja: "対象の回",
    en: "Session",
  },
  "rounds.label.start": {
    ja: "新しい日時",
    en: "New date and time",
  },
  "rounds.label.label": {
    ja: "その回の章・テーマ",
    en: "Chapters or topic of the session",
  },
  "rounds.label.cancelSession": {
    ja: "この回の中止",
    en: "Cancel this session",
  },

  "rounds.card.howItRuns": {
    ja: "{cadence}・1回{minutes}分・{ledBy}",
    en: "{cadence} · {minutes} min each · {ledBy}",
  },
  "rounds.card.ledBy.organizer": {
    ja: "進行は主催者",
    en: "led by the organizer",
  },
  "rounds.card.ledBy.rotating": {
    ja: "進行は参加者の持ち回り",
    en: "led by participants in turn",
  },
  "rounds.list.lineFull": {
    ja: "• {title} — 次回 {time} · 満席（定員{capacity}人、キャンセル待ちできます）",
    en: "• {title} — next {time} · full ({capacity} seats; the waitlist is open)",
  },
  "rounds.reminder.waiting": {
    ja: "⏳ あと{lead}で始まります: {title}\n{line}\nいまキャンセル待ち{rank}番目です。席が空いたらすぐにお知らせします。",
    en: "⏳ In {lead}: {title}\n{line}\nYou are number {rank} on the waitlist for this session. I will tell you at once if a seat frees up.",
  },
  "rounds.button.absent": {
    ja: "参加できなくなった",
    en: "I can't make it",
  },
  "rounds.button.coming": {
    ja: "参加する",
    en: "I'm coming",
  },
  "rounds.button.joinAs": {
    ja: "参加する（{place}）",
    en: "Join ({place})",
  },
  "rounds.button.info": {
    ja: "参加者向け情報",
    en: "For participants",
  },
  "rounds.card.onlineForParticipants": {
    ja: "オンライン（リンクは参加者にお知らせします）",
    en: "Online (the link goes to participants)",
  },
  "rounds.card.placeLine": {
    ja: "{place}: {taken}/{capacity}人",
    en: "{place}: {taken}/{capacity}",
  },
  "rounds.private.place": {
    ja: "場所: {place}",
    en: "Place: {place}",
  },
  "rounds.private.note": {
    ja: "主催からのメモ: {note}",
    en: "Note from the organizer: {note}",
  },
  "rounds.session.promoted": {
    ja: "🎉 {title} の第{position}回（{time}）に空きが出たので、あなたの席を確保しました。この回だけの席で、ほかの回はキャンセル待ちのままです。",
    en: "🎉 A seat freed up for session {position} of {title} ({time}): it is yours. It is for this session only; for the others you stay on the waitlist.",
  },
  "rounds.answer.coming": {
    ja: "{title} の第{position}回に参加で登録しました。",
    en: "You are coming to session {position} of {title}.",
  },
  "rounds.answer.alreadyComing": {
    ja: "{title} の第{position}回にはすでに参加で登録しています。",
    en: "You are already coming to session {position} of {title}.",
  },
  "rounds.answer.absent": {
    ja: "{title} の第{position}回は欠席で登録しました。席はキャンセル待ちの方に回します。ほかの回の席はそのままです。",
    en: "You are not coming to session {position} of {title}: your seat goes to the waitlist for that session. Your seat in the other sessions stays yours.",
  },
  "rounds.answer.alreadyAbsent": {
    ja: "{title} の第{position}回はすでに欠席で登録しています。",
    en: "You already said you are not coming to session {position} of {title}.",
  },
  "rounds.answer.full": {
    ja: "{title} の第{position}回は満席です。何も変更していません。/round join で会のキャンセル待ちに登録できます。",
    en: "Session {position} of {title} is full, so nothing changed. /round join puts you on the round's waitlist.",
  },
  "rounds.answer.notIn": {
    ja: "{title} の第{position}回には登録していないので、何も変更していません。",
    en: "You are not in session {position} of {title}, so nothing changed.",
  },
  "rounds.answer.waiting": {
    ja: "{title} の第{position}回は満席です。この回のキャンセル待ち{rank}番目です。",
    en: "Session {position} of {title} is full: you are number {rank} on its waitlist.",
  },
  "rounds.answer.cancelled": {
    ja: "{title} の第{position}回は中止されたため、出欠は変更できません。",
    en: "Session {position} of {title} is cancelled, so there is nothing to answer.",
  },
  "rounds.answer.started": {
    ja: "{title} の第{position}回はもう始まっているため、出欠は変更できません。",
    en: "Session {position} of {title} has already started, so the answer can no longer change.",
  },
  "rounds.answer.description": {
    ja: "ある回の出欠を答える（参加する・今回は欠席）",
    en: "Answer for one session: coming or not this time",
  },
  "rounds.option.answerSession": {
    ja: "何回目か（1, 2, …）",
    en: "Which session (1, 2, …)",
  },
  "rounds.label.answer": {
    ja: "出欠",
    en: "Answer",
  },
  "rounds.option.answer": {
    ja: "参加する、または今回は欠席",
    en: "Coming, or not this time",
  },
  "rounds.label.place": {
    ja: "参加枠",
    en: "Kind of place",
  },
  "rounds.option.place": {
    ja: "参加枠の名前（一般、学生など）。省略すると最初の枠です",
    en: "The kind of place (general, student…); leave out for the first",
  },
  "rounds.label.places": {
    ja: "参加枠",
    en: "Kinds of places",
  },
  "rounds.option.places": {
    ja: "参加枠と定員。例: 一般:20, 学生:5, オンライン:50",
    en: "Kinds of places and their capacity, like general:20, student:5, online:50",
  },
  "rounds.label.stopPromotions": {
    ja: "繰り上げの締め切り",
    en: "Stop promotions",
  },
  "rounds.option.stopPromotions": {
    ja: "開始の何時間前まで繰り上げるか。例: 3h、90分（初期値は3時間）",
    en: "How long before a session nobody is promoted any more, like 3h or 90 (default 3 hours)",
  },
  "rounds.label.note": {
    ja: "参加者向けメモ",
    en: "Note for participants",
  },
  "rounds.option.note": {
    ja: "席のある参加者だけに届くメモ（入館方法など）。カードには表示しません",
    en: "A note only seated members get (how to get in…); never on the card",
  },
  "rounds.places.invalid": {
    ja: "参加枠: 「{value}」は読み取れません。「一般:20, 学生:5」のように名前と定員を5つまで入力してください。",
    en: "Kinds of places: “{value}” cannot be read. Write up to 5 names with their capacity, like general:20, student:5.",
  },
  "rounds.places.unknown": {
    ja: "参加枠「{value}」はありません。選べる枠: {places}",
    en: "There is no kind of place called “{value}”. The kinds are: {places}",
  },
  "rounds.places.gone": {
    ja: "この参加枠はもうありません。/round show {number} で今の参加枠を確認してください。",
    en: "This kind of place no longer exists. /round show {number} shows the kinds there are now.",
  },
  "rounds.places.inUse": {
    ja: "参加枠「{label}」には{count}人が登録しているため、なくせません。何も変更していません。",
    en: "{count} member(s) hold or wait for “{label}”, so it cannot be removed. Nothing changed.",
  },
  "rounds.places.belowSeated": {
    ja: "参加枠「{label}」はすでに{seated}人の席があるため、それより少なくできません。何も変更していません。",
    en: "“{label}” already has {seated} seats taken, so its capacity cannot go below that. Nothing changed.",
  },
  "rounds.edit.stopPromotions": {
    ja: "繰り上げの締め切り: 「{value}」は読み取れません。「3h」「90分」のように0分〜7日で入力してください。",
    en: "Stop promotions: “{value}” cannot be read. Write a time from 0 minutes to 7 days, like 3h or 90.",
  },
  "rounds.capacity.confirm": {
    ja: "{title} の定員を{capacity}人にすると、席のある{seated}人のうち{count}人が席を失い、キャンセル待ちの先頭に戻ります: {members}\nまだ何も変更していません。よろしいですか？",
    en: "With a capacity of {capacity}, {count} of the {seated} seated member(s) of {title} would lose their seat and go back to the head of the waitlist: {members}\nNothing has changed yet. Go ahead?",
  },
  "rounds.capacity.lower": {
    ja: "定員を{capacity}人にする",
    en: "Set the capacity to {capacity}",
  },
  "rounds.capacity.keep": {
    ja: "席はそのまま",
    en: "Keep the seats",
  },
  "rounds.capacity.kept": {
    ja: "{title} の定員と席はそのままです。",
    en: "The capacity and seats of {title} stay as they were.",
  },
  "rounds.capacity.lowered": {
    ja: "{title} の定員を{capacity}人にしました。{count}人がキャンセル待ちに戻り、本人に知らせました。",
    en: "{title} now has {capacity} seats. {count} member(s) went back to the waitlist and were told.",
  },
  "rounds.capacity.lostSeat": {
    ja: "{title} の定員が減ったため、あなたの席はキャンセル待ちの先頭に戻りました。空きが出たらお知らせします。詳しくは /round show {number} で。",
    en: "The capacity of {title} went down, so your seat went back to the head of the waitlist. I will tell you when one frees up. /round show {number} for details.",
  },
  "rounds.capacity.stale": {
    ja: "このボタンの後に席が変わったため、何も変更していません。/round edit round:{number} でもう一度どうぞ。",
    en: "The seats changed since this button was made, so nothing changed. Please run /round edit round:{number} again.",
  },
  "rounds.capacity.hasPlaces": {
    ja: "この会には参加枠があるため、定員は参加枠ごとに変更してください（例: /round edit round:{number} places:一般:20, 学生:5）。何も変更していません。",
    en: "This round has kinds of places: change each one's capacity instead (like /round edit round:{number} places:general:20, student:5). Nothing changed.",
  },
  "rounds.show.notIn": {
    ja: "{title} にはまだ参加登録していません。参加ボタンで席を確保できます。",
    en: "You are not in {title} yet: press Join to take a seat.",
  },
  "rounds.show.sessionCounts": {
    ja: "参加{coming}人 · 欠席{absent}人 · キャンセル待ち{waiting}人",
    en: "{coming} coming · {absent} not this time · {waiting} waiting",
  },
  "rounds.show.you.coming": {
    ja: "あなた: 参加",
    en: "you: coming",
  },
  "rounds.show.you.absent": {
    ja: "あなた: 欠席",
    en: "you: not this time",
  },
  "rounds.show.you.waiting": {
    ja: "あなた: キャンセル待ち",
    en: "you: waiting",
  },
  "rounds.show.forParticipants": {
    ja: "参加者向け情報",
    en: "For participants",
  },
  "rounds.info.seatedOnly": {
    ja: "{title} の参加者向け情報は、席のある参加者だけが見られます。",
    en: "Only members with a seat in {title} can see its information for participants.",
  },
  "rounds.notYourRound": {
    ja: "{title}（番号{number}）を変更できるのは、その会の主催とオーガナイザーだけです。",
    en: "Only the organizer of {title} (round {number}) and the community's organizers can change it.",
  },
  "rounds.interest.noIntro": {
    ja: "「興味あり」で読書会・勉強会の回に参加登録するには、先に /intro で自己紹介してください。そのあとでもう一度「興味あり」を押すと登録します。",
    en: "To join a session with Interested, please introduce yourself first with /intro, then press Interested again.",
  },
  "rounds.interest.full": {
    ja: "「興味あり」はイベントに残りますが、席は確保されていません。",
    en: "Your Interested mark stays on the event, but it does not hold a seat.",
  },
  "rounds.event.interest": {
    ja: "「興味あり」を押すとこの回に参加登録します（空席があるとき）。外すと欠席になります。",
    en: "Press Interested to take a seat in this session (when one is free); remove it to say you are not coming.",
  },
  "rounds.settings.description": {
    ja: "読書会・勉強会を作成できる人を設定する（オーガナイザー向け）",
    en: "Choose who may start a round (organizers)",
  },
  "rounds.label.creators": {
    ja: "作成できる人",
    en: "Who may start a round",
  },
  "rounds.option.creators": {
    ja: "オーガナイザーのみ、ロールまたはグループ、全員",
    en: "Organizers only, a role or group, or everyone",
  },
  "rounds.label.creatorGroup": {
    ja: "ロールまたはグループ",
    en: "Role or group",
  },
  "rounds.option.creatorGroup": {
    ja: "作成できるロール（Discord）またはユーザーグループ（Slack）",
    en: "The Discord role or Slack user group whose members may start a round",
  },
  "rounds.settings.whichGroup": {
    ja: "ロールまたはグループを選んでください（例: group:@読書会係）。何も変更していません。",
    en: "Please choose the role or group too (like group:@book-club). Nothing changed.",
  },
  "rounds.settings.saved": {
    ja: "保存しました。",
    en: "Saved.",
  },
  "rounds.settings.creators.organizers": {
    ja: "読書会・勉強会を作成できる人: オーガナイザーのみ",
    en: "Who may start a round: organizers only",
  },
  "rounds.settings.creators.group": {
    ja: "読書会・勉強会を作成できる人: オーガナイザーと {group} のメンバー",
    en: "Who may start a round: organizers and members of {group}",
  },
  "rounds.settings.creators.everyone": {
    ja: "読書会・勉強会を作成できる人: 全員",
    en: "Who may start a round: everyone",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
