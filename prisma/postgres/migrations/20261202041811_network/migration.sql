-- AlterTable
ALTER TABLE "PairingGroup" ADD COLUMN     "size" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PairingGroupMember" ADD COLUMN     "meetAgain" BOOLEAN;

-- CreateTable
CREATE TABLE "Thanks" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Thanks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconnectSnooze" (
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReconnectSnooze_pkey" PRIMARY KEY ("memberId","otherId")
);

-- CreateTable
CREATE TABLE "NetworkPreference" (
    "memberId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "suggestions" BOOLEAN NOT NULL DEFAULT true,
    "lastSuggestedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkPreference_pkey" PRIMARY KEY ("memberId")
);

-- CreateIndex
CREATE INDEX "Thanks_communityId_toId_idx" ON "Thanks"("communityId", "toId");

-- CreateIndex
CREATE INDEX "Thanks_communityId_createdAt_idx" ON "Thanks"("communityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Thanks_fromId_toId_context_contextId_key" ON "Thanks"("fromId", "toId", "context", "contextId");

-- AddForeignKey
ALTER TABLE "Thanks" ADD CONSTRAINT "Thanks_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thanks" ADD CONSTRAINT "Thanks_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thanks" ADD CONSTRAINT "Thanks_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconnectSnooze" ADD CONSTRAINT "ReconnectSnooze_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconnectSnooze" ADD CONSTRAINT "ReconnectSnooze_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconnectSnooze" ADD CONSTRAINT "ReconnectSnooze_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkPreference" ADD CONSTRAINT "NetworkPreference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkPreference" ADD CONSTRAINT "NetworkPreference_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
