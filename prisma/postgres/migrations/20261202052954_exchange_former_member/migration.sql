-- DropForeignKey
ALTER TABLE "OfferExchange" DROP CONSTRAINT "OfferExchange_helpedId_fkey";

-- DropForeignKey
ALTER TABLE "OfferExchange" DROP CONSTRAINT "OfferExchange_helperId_fkey";

-- AlterTable
ALTER TABLE "OfferExchange" ALTER COLUMN "helperId" DROP NOT NULL,
ALTER COLUMN "helpedId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_helperId_fkey" FOREIGN KEY ("helperId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExchange" ADD CONSTRAINT "OfferExchange_helpedId_fkey" FOREIGN KEY ("helpedId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
