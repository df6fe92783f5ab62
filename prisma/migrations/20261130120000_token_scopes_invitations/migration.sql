-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "parentId" UUID,
ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'read write';

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "CourseRole" NOT NULL DEFAULT 'student',
    "invitedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessToken_parentId_idx" ON "AccessToken"("parentId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_courseId_email_key" ON "Invitation"("courseId", "email");

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "AccessToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
