-- AlterTable
ALTER TABLE "PairingRound" ADD COLUMN "programId" TEXT;

-- CreateTable
CREATE TABLE "PairingProgram" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "question" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channelId" TEXT NOT NULL,
    "cadenceWeeks" INTEGER NOT NULL DEFAULT 1,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 9,
    "groupSize" INTEGER NOT NULL DEFAULT 2,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PairingProgram_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingProgramMember" (
    "programId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" TEXT,
    "attribute" TEXT,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("programId", "memberId"),
    CONSTRAINT "PairingProgramMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "PairingProgram" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingProgramMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PairingProgram_communityId_key_key" ON "PairingProgram"("communityId", "key");

-- CreateIndex
CREATE INDEX "PairingProgramMember_communityId_memberId_idx" ON "PairingProgramMember"("communityId", "memberId");
