-- AlterTable
ALTER TABLE "Community" ADD COLUMN "reportChannelId" TEXT;
