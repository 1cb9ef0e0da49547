-- CreateTable
CREATE TABLE "PairingUnplaced" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "PairingUnplaced_pkey" PRIMARY KEY ("roundId","memberId")
);

-- AddForeignKey
ALTER TABLE "PairingUnplaced" ADD CONSTRAINT "PairingUnplaced_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingUnplaced" ADD CONSTRAINT "PairingUnplaced_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
