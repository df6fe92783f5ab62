-- AlterTable
ALTER TABLE "LtiPlatform" ADD COLUMN     "frameOrigins" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "LtiLaunchState" ADD COLUMN     "loginParams" JSONB;

-- CreateTable
CREATE TABLE "LtiDeepLinkSession" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "data" TEXT,
    "acceptMultiple" BOOLEAN NOT NULL DEFAULT true,
    "acceptLineItem" BOOLEAN NOT NULL DEFAULT true,
    "contentItems" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LtiDeepLinkSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiLaunchTicket" (
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LtiLaunchTicket_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "LtiDeepLinkSession_expiresAt_idx" ON "LtiDeepLinkSession"("expiresAt");

-- CreateIndex
CREATE INDEX "LtiLaunchTicket_expiresAt_idx" ON "LtiLaunchTicket"("expiresAt");

-- AddForeignKey
ALTER TABLE "LtiDeepLinkSession" ADD CONSTRAINT "LtiDeepLinkSession_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiDeepLinkSession" ADD CONSTRAINT "LtiDeepLinkSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiDeepLinkSession" ADD CONSTRAINT "LtiDeepLinkSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiLaunchTicket" ADD CONSTRAINT "LtiLaunchTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
