-- AlterTable
ALTER TABLE "PairingMember" ADD COLUMN "pausedInRoundId" TEXT;
ALTER TABLE "PairingMember" ADD COLUMN "resumedAt" DATETIME;
