-- AlterTable
ALTER TABLE "PairingRound" ADD COLUMN     "programId" TEXT;

-- CreateTable
CREATE TABLE "PairingProgram" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingProgramMember" (
    "programId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" TEXT,
    "attribute" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PairingProgramMember_pkey" PRIMARY KEY ("programId","memberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PairingProgram_communityId_key_key" ON "PairingProgram"("communityId", "key");

-- CreateIndex
CREATE INDEX "PairingProgramMember_communityId_memberId_idx" ON "PairingProgramMember"("communityId", "memberId");

-- AddForeignKey
ALTER TABLE "PairingProgram" ADD CONSTRAINT "PairingProgram_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingProgramMember" ADD CONSTRAINT "PairingProgramMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "PairingProgram"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingProgramMember" ADD CONSTRAINT "PairingProgramMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
