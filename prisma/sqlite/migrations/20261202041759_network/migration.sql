-- AlterTable
ALTER TABLE "PairingGroupMember" ADD COLUMN "meetAgain" BOOLEAN;

-- CreateTable
CREATE TABLE "Thanks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thanks_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thanks_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReconnectSnooze" (
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "until" DATETIME NOT NULL,

    PRIMARY KEY ("memberId", "otherId"),
    CONSTRAINT "ReconnectSnooze_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReconnectSnooze_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReconnectSnooze_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NetworkPreference" (
    "memberId" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "suggestions" BOOLEAN NOT NULL DEFAULT true,
    "lastSuggestedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NetworkPreference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NetworkPreference_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PairingGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "spaceId" TEXT,
    "size" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PairingGroup_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PairingGroup" ("communityId", "id", "position", "reasons", "roundId", "score", "spaceId") SELECT "communityId", "id", "position", "reasons", "roundId", "score", "spaceId" FROM "PairingGroup";
DROP TABLE "PairingGroup";
ALTER TABLE "new_PairingGroup" RENAME TO "PairingGroup";
CREATE UNIQUE INDEX "PairingGroup_roundId_position_key" ON "PairingGroup"("roundId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Thanks_communityId_toId_idx" ON "Thanks"("communityId", "toId");

-- CreateIndex
CREATE INDEX "Thanks_communityId_createdAt_idx" ON "Thanks"("communityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Thanks_fromId_toId_context_contextId_key" ON "Thanks"("fromId", "toId", "context", "contextId");
