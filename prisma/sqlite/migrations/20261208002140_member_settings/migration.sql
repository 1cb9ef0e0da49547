-- AlterTable
ALTER TABLE "Member" ADD COLUMN "localeSource" TEXT;
ALTER TABLE "Member" ADD COLUMN "timeZoneSource" TEXT;
