-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "privateNote" TEXT,
ADD COLUMN     "promotionStopMinutes" INTEGER NOT NULL DEFAULT 180;

-- AlterTable
ALTER TABLE "RoundParticipant" ADD COLUMN     "place" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SessionAnswer" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundPlace" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RoundPlace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSettings" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "creators" TEXT NOT NULL DEFAULT 'organizers',
    "creatorGroupId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionAnswer_communityId_sessionId_idx" ON "SessionAnswer"("communityId", "sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionAnswer_sessionId_memberId_key" ON "SessionAnswer"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "RoundPlace_communityId_roundId_idx" ON "RoundPlace"("communityId", "roundId");

-- CreateIndex
CREATE UNIQUE INDEX "RoundPlace_roundId_position_key" ON "RoundPlace"("roundId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RoundSettings_communityId_key" ON "RoundSettings"("communityId");

-- AddForeignKey
ALTER TABLE "SessionAnswer" ADD CONSTRAINT "SessionAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "RoundSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAnswer" ADD CONSTRAINT "SessionAnswer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPlace" ADD CONSTRAINT "RoundPlace_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSettings" ADD CONSTRAINT "RoundSettings_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
