-- AGS Score timestamps must increase strictly per line item and user: keep the last one sent.
ALTER TABLE "LtiScoreSync" ADD COLUMN "lastTimestamp" TIMESTAMP(3);
-- The catalog code of the last failure (lastError holds the readable sentence).
ALTER TABLE "LtiScoreSync" ADD COLUMN "lastErrorCode" TEXT;
-- Why the last roster sync failed (null after a successful one).
ALTER TABLE "LtiContext" ADD COLUMN "rosterError" TEXT;
