-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "organizerGroupId" TEXT;
