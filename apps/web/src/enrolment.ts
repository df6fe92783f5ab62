// Joining a course and invitations (the API's routes/enrolment.ts), as the pages call them.
import type { AcceptedInvitationView, InvitationView, JoinedView, MyInvitationView } from "@autograder/shared";
import { api } from "./api.ts";

// The API's limits, from the one place both sides read them.
export { EMAIL_MAX_LENGTH, JOIN_CODE_MAX_LENGTH } from "@autograder/shared/limits";

export interface EnrolmentApi {
  join(joinCode: string): Promise<JoinedView>;
  myInvitations(): Promise<MyInvitationView[]>;
  accept(id: string): Promise<AcceptedInvitationView>;
  decline(id: string): Promise<void>;
  invite(courseId: string, email: string): Promise<InvitationView>;
}

export const enrolmentApi: EnrolmentApi = {
  join: (joinCode) => api.post<JoinedView>("/api/courses/join", { joinCode }),
  myInvitations: () => api.get<MyInvitationView[]>("/api/me/invitations"),
  accept: (id) => api.post<AcceptedInvitationView>(`/api/invitations/${encodeURIComponent(id)}/accept`),
  decline: (id) => api.del<void>(`/api/invitations/${encodeURIComponent(id)}`),
  invite: (courseId, email) => api.post<InvitationView>(`/api/courses/${encodeURIComponent(courseId)}/enrollments`, { email }),
};

/** The same sentence whether or not the email has an account (the API does not say either). */
export const inviteSent = (email: string) =>
  `Invitation recorded for ${email}. It shows under Invitations on the dashboard of the account with this email, now or once that account exists. No email is sent: let them know.`;
