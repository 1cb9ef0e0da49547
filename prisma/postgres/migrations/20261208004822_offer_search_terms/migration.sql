-- CreateTable
CREATE TABLE "OfferTerm" (
    "postId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "postCreatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferTerm_pkey" PRIMARY KEY ("postId","key")
);

-- CreateIndex
CREATE INDEX "OfferTerm_communityId_key_expiresAt_idx" ON "OfferTerm"("communityId", "key", "expiresAt");

-- AddForeignKey
ALTER TABLE "OfferTerm" ADD CONSTRAINT "OfferTerm_postId_fkey" FOREIGN KEY ("postId") REFERENCES "OfferPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;
