-- CreateTable
CREATE TABLE "ReceivedRequest" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceivedRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReceivedRequest_expiresAt_idx" ON "ReceivedRequest"("expiresAt");
