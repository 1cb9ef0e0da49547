-- CreateTable
CREATE TABLE "PairingUnplaced" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "memberId"),
    CONSTRAINT "PairingUnplaced_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PairingRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PairingUnplaced_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
