-- CreateTable
CREATE TABLE "OfferTerm" (
    "postId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "postCreatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("postId", "key"),
    CONSTRAINT "OfferTerm_postId_fkey" FOREIGN KEY ("postId") REFERENCES "OfferPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OfferTerm_communityId_key_expiresAt_idx" ON "OfferTerm"("communityId", "key", "expiresAt");
