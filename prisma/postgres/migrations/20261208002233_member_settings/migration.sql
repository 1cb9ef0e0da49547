-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "localeSource" TEXT,
ADD COLUMN     "timeZoneSource" TEXT;
