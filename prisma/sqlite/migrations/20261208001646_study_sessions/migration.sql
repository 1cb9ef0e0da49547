-- AlterTable
ALTER TABLE "RoundSession" ADD COLUMN "plannedAt" DATETIME;

-- AlterTable
ALTER TABLE "SessionAttendance" ADD COLUMN "checkedInAt" DATETIME;

-- CreateTable
CREATE TABLE "RoundTalkPlan" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "slots" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "startsAfter" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RoundTalkPlan_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionTalk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SessionTalk_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionTalk_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionParty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "fee" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SessionParty_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartyGuest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartyGuest_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "SessionParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PartyGuest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "SessionCheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "roundId" TEXT,
    "memberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarFeed_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarFeed_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarFeed_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundRules" (
    "communityId" TEXT NOT NULL PRIMARY KEY,
    "noShowLimit" INTEGER,
    CONSTRAINT "RoundRules_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionTalk_sessionId_slot_key" ON "SessionTalk"("sessionId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "SessionTalk_sessionId_memberId_key" ON "SessionTalk"("sessionId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionParty_sessionId_key" ON "SessionParty"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyGuest_partyId_memberId_key" ON "PartyGuest"("partyId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionCheckIn_sessionId_key" ON "SessionCheckIn"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionCheckIn_communityId_code_key" ON "SessionCheckIn"("communityId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_token_key" ON "CalendarFeed"("token");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_communityId_roundId_key" ON "CalendarFeed"("communityId", "roundId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_communityId_memberId_key" ON "CalendarFeed"("communityId", "memberId");
