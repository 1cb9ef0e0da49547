-- CreateTable
CREATE TABLE "PairingSettings" (
    "communityId" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT,
    "cadenceWeeks" INTEGER NOT NULL DEFAULT 1,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 9,
    "groupSize" INTEGER NOT NULL DEFAULT 2,
    "noRepeatWeeks" INTEGER NOT NULL DEFAULT 8,
    "announceStyle" TEXT NOT NULL DEFAULT 'names',
    "headsUp" BOOLEAN NOT NULL DEFAULT true,
    "headsUpHours" INTEGER NOT NULL DEFAULT 24,
    "followUpDays" INTEGER NOT NULL DEFAULT 3,
    "weights" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PairingSettings_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "pausedUntil" DATETIME,
    "autoPaused" BOOLEAN NOT NULL DEFAULT false,
    "missedFollowUps" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PairingMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "blockedMemberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairingBlock_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingBlock_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingBlock_blockedMemberId_fkey" FOREIGN KEY ("blockedMemberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairingRound_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingSkip" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "memberId"),
    CONSTRAINT "PairingSkip_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingSkip_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "spaceId" TEXT,
    CONSTRAINT "PairingGroup_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingGroupMember" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,

    PRIMARY KEY ("groupId", "memberId"),
    CONSTRAINT "PairingGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingGroupMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "channelId" TEXT,
    "messageId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PairingMember_memberId_key" ON "PairingMember"("memberId");

-- CreateIndex
CREATE INDEX "PairingMember_communityId_active_idx" ON "PairingMember"("communityId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "PairingBlock_memberId_blockedMemberId_key" ON "PairingBlock"("memberId", "blockedMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "PairingRound_communityId_period_key" ON "PairingRound"("communityId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "PairingGroup_roundId_position_key" ON "PairingGroup"("roundId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_dueAt_idx" ON "Job"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_dedupeKey_key" ON "Delivery"("dedupeKey");
