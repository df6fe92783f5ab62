// What a verified launch creates or updates here: the account linked to (issuer, sub), the
// course mapped to the LMS context, the enrolment from the context roles, the service URLs
// lti-services reads (NRPS memberships, AGS line items), and the resource link's assignment.
import { createHash } from "node:crypto";
import type { Course, LtiContext, LtiPlatform, PrismaClient } from "@autograder/db";
import { normalizeEmail } from "../auth/login.ts";
import { isUniqueViolation } from "../auth/users.ts";
import { generateJoinCode } from "../courses/join-code.ts";
import { LtiLaunchError, type LaunchClaims } from "./claims.ts";

/** Never a valid scrypt hash: an LMS account logs in only through its LMS. */
export const NO_PASSWORD = "!lti-launch-only";

export interface LaunchedUser {
  id: string;
  role: "admin" | "instructor" | "student";
}

async function retryOnUnique<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (err) {
    // A concurrent first launch created the same row: the second try finds it.
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}

/** The account of (platform, sub): created on the first launch, its role raised for staff. */
export async function linkUser(prisma: PrismaClient, platform: LtiPlatform, claims: LaunchClaims, courseRole: "instructor" | "student"): Promise<LaunchedUser> {
  return retryOnUnique(async () => {
    const link = await prisma.ltiUserLink.findUnique({
      where: { platformId_sub: { platformId: platform.id, sub: claims.sub } },
      include: { user: { select: { id: true, role: true, name: true } } },
    });
    if (link) {
      const role = courseRole === "instructor" && link.user.role === "student" ? "instructor" : link.user.role;
      const name = claims.name ?? link.user.name;
      if (role !== link.user.role || name !== link.user.name) await prisma.user.update({ where: { id: link.user.id }, data: { role, name } });
      await prisma.ltiUserLink.update({ where: { platformId_sub: { platformId: platform.id, sub: claims.sub } }, data: { lastLaunchAt: new Date() } });
      return { id: link.user.id, role };
    }
    // Never link by email (an LMS could claim anyone's address): the LMS's email is used for a
    // new account only when no account has it.
    const claimed = claims.email ? normalizeEmail(claims.email) : undefined;
    const taken = claimed ? await prisma.user.findUnique({ where: { email: claimed }, select: { id: true } }) : null;
    const subHash = createHash("sha256").update(`${platform.id}\n${claims.sub}`).digest("hex").slice(0, 24);
    const email = claimed && !taken ? claimed : `lti-${subHash}@lti.invalid`;
    const role = courseRole === "instructor" ? "instructor" : "student";
    const user = await prisma.user.create({
      data: {
        email,
        name: claims.name ?? "LMS user",
        role,
        passwordHash: NO_PASSWORD,
        ltiLinks: { create: { platformId: platform.id, sub: claims.sub, lastLaunchAt: new Date() } },
      },
      select: { id: true, role: true },
    });
    return user;
  });
}

/**
 * The course of the launch's context: created on the first instructor launch; a learner in a
 * context no instructor opened yet is refused. Stores the service URLs of this launch.
 */
export async function mapContext(
  prisma: PrismaClient,
  platform: LtiPlatform,
  claims: LaunchClaims,
  user: LaunchedUser,
  courseRole: "instructor" | "student",
): Promise<{ course: Course; ltiContext: LtiContext }> {
  const context = claims.context;
  if (!context) throw new LtiLaunchError("context", "The launch has no context (LMS course); open the tool from a course.");
  const services = {
    deploymentId: claims.deploymentId,
    ...(context.title ? { title: context.title } : {}),
    ...(claims.membershipsUrl ? { membershipsUrl: claims.membershipsUrl } : {}),
    ...(claims.ags?.lineItems ? { lineItemsUrl: claims.ags.lineItems } : {}),
    ...(claims.ags ? { agsScopes: claims.ags.scopes.join(" ") } : {}),
  };
  const where = { platformId_contextId: { platformId: platform.id, contextId: context.id } };
  const found = await prisma.ltiContext.findUnique({ where, include: { course: true } });
  if (found) {
    const ltiContext = await prisma.ltiContext.update({ where, data: services });
    return { course: found.course, ltiContext };
  }
  if (courseRole !== "instructor") {
    throw new LtiLaunchError(
      "no_course",
      "This LMS course is not set up in the autograder yet: an instructor must open the tool from the course first.",
    );
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const course = await tx.course.create({
        data: { title: context.title ?? "LMS course", joinCode: generateJoinCode(), ownerId: user.id },
      });
      const ltiContext = await tx.ltiContext.create({ data: { platformId: platform.id, contextId: context.id, courseId: course.id, ...services } });
      return { course, ltiContext };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await prisma.ltiContext.findUniqueOrThrow({ where, include: { course: true } });
    return { course: again.course, ltiContext: again };
  }
}

/** The launch's course role as an enrolment (the course's owner keeps ownership). */
export async function enrol(prisma: PrismaClient, course: Course, userId: string, role: "instructor" | "student"): Promise<void> {
  if (course.ownerId === userId) return;
  await retryOnUnique(() =>
    prisma.enrollment.upsert({
      where: { courseId_userId: { courseId: course.id, userId } },
      create: { courseId: course.id, userId, role },
      update: { role },
    }),
  );
}

/**
 * The assignment a resource link opens: the one named by the custom parameter `assignment_id`
 * our deep-linking response set (it must belong to the context's course), else the one this
 * link was mapped to before. Records the link with its AGS line item.
 */
export async function mapResourceLink(prisma: PrismaClient, ltiContext: LtiContext, claims: LaunchClaims): Promise<{ id: string; exerciseId: string } | null> {
  const resourceLinkId = claims.resourceLinkId;
  if (resourceLinkId === undefined) return null;
  const where = { ltiContextId_resourceLinkId: { ltiContextId: ltiContext.id, resourceLinkId } };
  const named = claims.custom.assignment_id;
  let assignmentId: string | null = null;
  if (named !== undefined) {
    const assignment = /^[0-9a-f-]{36}$/i.test(named)
      ? await prisma.assignment.findFirst({ where: { id: named, courseId: ltiContext.courseId }, select: { id: true } })
      : null;
    if (!assignment) {
      throw new LtiLaunchError("custom.assignment_id", "This link names an assignment that does not belong to this LMS course's course here.");
    }
    assignmentId = assignment.id;
  } else {
    assignmentId = (await prisma.ltiResourceLink.findUnique({ where, select: { assignmentId: true } }))?.assignmentId ?? null;
  }
  const lineItemUrl = claims.ags?.lineItem ?? null;
  await retryOnUnique(() =>
    prisma.ltiResourceLink.upsert({
      where,
      create: { ltiContextId: ltiContext.id, resourceLinkId, assignmentId, lineItemUrl },
      update: { ...(assignmentId ? { assignmentId } : {}), ...(lineItemUrl ? { lineItemUrl } : {}) },
    }),
  );
  if (assignmentId === null) return null;
  return prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { id: true, exerciseId: true } });
}
