-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "reminderMinutes" TEXT NOT NULL DEFAULT '1440,60';
