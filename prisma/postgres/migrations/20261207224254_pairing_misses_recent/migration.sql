-- AlterTable
ALTER TABLE "PairingMember" ADD COLUMN     "pausedInRoundId" TEXT,
ADD COLUMN     "resumedAt" TIMESTAMP(3);
