-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "offersChannelId" TEXT;

-- CreateTable
CREATE TABLE "OfferPost" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL,
    "terms" JSONB NOT NULL,
    "contact" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "cardChannelId" TEXT,
    "cardMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferExchange" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "helperId" TEXT NOT NULL,
    "helpedId" TEXT NOT NULL,
    "spaceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferExchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferNotice" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferPreference" (
    "memberId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "notices" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferPreference_pkey" PRIMARY KEY ("memberId")
);

-- CreateIndex
CREATE INDEX "OfferPost_communityId_status_expiresAt_idx" ON "OfferPost"("communityId", "status", "expiresAt");

-- CreateIndex
CREATE INDEX "OfferPost_communityId_memberId_createdAt_idx" ON "OfferPost"("communityId", "memberId", "createdAt");

-- CreateIndex
CREATE INDEX "OfferExchange_communityId_helperId_idx" ON "OfferExchange"("communityId", "helperId");

-- CreateIndex
CREATE INDEX "OfferExchange_communityId_helpedId_idx" ON "OfferExchange"("communityId", "helpedId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferExchange_postId_helperId_helpedId_key" ON "OfferExchange"("postId", "helperId", "helpedId");

-- CreateIndex
CREATE INDEX "OfferNotice_communityId_memberId_createdAt_idx" ON "OfferNotice"("communityId", "memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfferNotice_postId_memberId_key" ON "OfferNotice"("postId", "memberId");

-- AddForeignKey
ALTER TABLE "OfferPost" ADD CONSTRAINT "OfferPost_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPost" ADD CONSTRAINT "OfferPost_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_postId_fkey" FOREIGN KEY ("postId") REFERENCES "OfferPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_helpedId_fkey" FOREIGN KEY ("helpedId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferNotice" ADD CONSTRAINT "OfferNotice_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferNotice" ADD CONSTRAINT "OfferNotice_postId_fkey" FOREIGN KEY ("postId") REFERENCES "OfferPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferNotice" ADD CONSTRAINT "OfferNotice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPreference" ADD CONSTRAINT "OfferPreference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPreference" ADD CONSTRAINT "OfferPreference_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
