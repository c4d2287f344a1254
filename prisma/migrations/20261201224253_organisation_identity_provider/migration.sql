-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "passwordSignIn" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "oidcSubject" TEXT;

-- CreateTable
CREATE TABLE "IdentityProvider" (
    "organisationId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEnv" TEXT,
    "loginClaim" TEXT NOT NULL DEFAULT 'email',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdentityProvider_pkey" PRIMARY KEY ("organisationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_organisationId_oidcSubject_key" ON "StaffUser"("organisationId", "oidcSubject");

-- AddForeignKey
ALTER TABLE "IdentityProvider" ADD CONSTRAINT "IdentityProvider_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The secret is never stored: only the name of the environment variable holding it.
ALTER TABLE "IdentityProvider" ADD CONSTRAINT "IdentityProvider_clientSecretEnv_name" CHECK ("clientSecretEnv" ~ '^[A-Z_][A-Z0-9_]*$');
