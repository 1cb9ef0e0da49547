-- AlterTable
ALTER TABLE "PairingSettings" ADD COLUMN     "optIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PairingOptIn" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "inRound" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingOptIn_pkey" PRIMARY KEY ("roundId","memberId")
);

-- CreateTable
CREATE TABLE "PairingTimeProposal" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingTimeProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingTimePick" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "proposalId" TEXT,
    "pickedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingTimePick_pkey" PRIMARY KEY ("groupId","memberId")
);

-- CreateTable
CREATE TABLE "PairingMeeting" (
    "groupId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairingMeeting_pkey" PRIMARY KEY ("groupId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PairingTimeProposal_groupId_position_key" ON "PairingTimeProposal"("groupId", "position");

-- AddForeignKey
ALTER TABLE "PairingOptIn" ADD CONSTRAINT "PairingOptIn_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingOptIn" ADD CONSTRAINT "PairingOptIn_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingTimeProposal" ADD CONSTRAINT "PairingTimeProposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingTimePick" ADD CONSTRAINT "PairingTimePick_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingTimePick" ADD CONSTRAINT "PairingTimePick_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingTimePick" ADD CONSTRAINT "PairingTimePick_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "PairingTimeProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMeeting" ADD CONSTRAINT "PairingMeeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PairingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
