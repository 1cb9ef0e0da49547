-- CreateTable
CREATE TABLE "ReceivedRequest" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ReceivedRequest_expiresAt_idx" ON "ReceivedRequest"("expiresAt");
