-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "onlineUrl" TEXT,
    "venue" TEXT,
    "facilitation" TEXT NOT NULL,
    "reminderMinutes" TEXT NOT NULL DEFAULT '1440,60',
    "organizerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "cardChannelId" TEXT,
    "cardMessageId" TEXT,
    "discussionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Round_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Round_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Round" ("cadence", "capacity", "cardChannelId", "cardMessageId", "communityId", "createdAt", "description", "discussionId", "durationMinutes", "facilitation", "id", "kind", "number", "onlineUrl", "organizerId", "status", "timeZone", "title", "topic", "updatedAt", "venue") SELECT "cadence", "capacity", "cardChannelId", "cardMessageId", "communityId", "createdAt", "description", "discussionId", "durationMinutes", "facilitation", "id", "kind", "number", "onlineUrl", "organizerId", "status", "timeZone", "title", "topic", "updatedAt", "venue" FROM "Round";
DROP TABLE "Round";
ALTER TABLE "new_Round" RENAME TO "Round";
CREATE UNIQUE INDEX "Round_communityId_number_key" ON "Round"("communityId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
