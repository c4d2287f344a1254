-- AlterTable
ALTER TABLE "PasswordSetLink" ALTER COLUMN "issuedById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "unit" TEXT;

