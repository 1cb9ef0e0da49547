-- CreateTable
CREATE TABLE "PairingOptIn" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "inRound" BOOLEAN NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("roundId", "memberId"),
    CONSTRAINT "PairingOptIn_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingOptIn_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingTimeProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    CONSTRAINT "PairingTimeProposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingTimePick" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "proposalId" TEXT,
    "pickedAt" DATETIME NOT NULL,

    PRIMARY KEY ("groupId", "memberId"),
    CONSTRAINT "PairingTimePick_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingTimePick_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingTimePick_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "PairingTimeProposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingMeeting" (
    "groupId" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "agreedAt" DATETIME NOT NULL,
    CONSTRAINT "PairingMeeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "PairingSettings" ADD COLUMN "optIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "PairingTimeProposal_groupId_position_key" ON "PairingTimeProposal"("groupId", "position");
