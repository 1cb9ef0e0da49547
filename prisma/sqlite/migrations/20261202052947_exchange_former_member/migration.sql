-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfferExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "helperId" TEXT,
    "helpedId" TEXT,
    "spaceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferExchange_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferExchange_postId_fkey" FOREIGN KEY ("postId") REFERENCES "OfferPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferExchange_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OfferExchange_helpedId_fkey" FOREIGN KEY ("helpedId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OfferExchange" ("communityId", "createdAt", "helpedId", "helperId", "id", "postId", "spaceId") SELECT "communityId", "createdAt", "helpedId", "helperId", "id", "postId", "spaceId" FROM "OfferExchange";
DROP TABLE "OfferExchange";
ALTER TABLE "new_OfferExchange" RENAME TO "OfferExchange";
CREATE INDEX "OfferExchange_communityId_helperId_idx" ON "OfferExchange"("communityId", "helperId");
CREATE INDEX "OfferExchange_communityId_helpedId_idx" ON "OfferExchange"("communityId", "helpedId");
CREATE UNIQUE INDEX "OfferExchange_postId_helperId_helpedId_key" ON "OfferExchange"("postId", "helperId", "helpedId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
