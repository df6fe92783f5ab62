// Layout, routes and the login gate. Pages that need the editor or charts load lazily.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { isStaff, useAuth } from "./auth.tsx";
import { ErrorBox, Spinner } from "./components/common.tsx";
import { SessionDialog } from "./components/SessionDialog.tsx";
import { DashboardPage } from "./pages/Dashboard.tsx";
import { JoinPage } from "./pages/Join.tsx";
import { LoginPage } from "./pages/Login.tsx";
import { Link, matchPath, useRouter } from "./router.tsx";
import { REVIEW_ROUTE } from "./review-url.ts";
import { useTheme } from "./theme.ts";

const ExercisePage = lazy(() => import("./pages/Exercise.tsx").then((m) => ({ default: m.ExercisePage })));
const CoursePage = lazy(() => import("./pages/Course.tsx").then((m) => ({ default: m.CoursePage })));
const GradebookPage = lazy(() => import("./pages/Gradebook.tsx").then((m) => ({ default: m.GradebookPage })));
const AuthoringHomePage = lazy(() => import("./pages/Authoring.tsx").then((m) => ({ default: m.AuthoringHomePage })));
const AuthoringPage = lazy(() => import("./pages/Authoring.tsx").then((m) => ({ default: m.AuthoringPage })));
const TimelinePage = lazy(() => import("./pages/Timeline.tsx").then((m) => ({ default: m.TimelinePage })));
const LtiAdminPage = lazy(() => import("./pages/LtiAdmin.tsx").then((m) => ({ default: m.LtiAdminPage })));
const LtiDeepLinkPage = lazy(() => import("./pages/LtiDeepLink.tsx").then((m) => ({ default: m.LtiDeepLinkPage })));
const ReviewPage = lazy(() => import("./pages/Review.tsx").then((m) => ({ default: m.ReviewPage })));
const AnalyticsPage = lazy(() => import("./pages/Analytics.tsx").then((m) => ({ default: m.AnalyticsPage })));
const UsersPage = lazy(() => import("./pages/Users.tsx").then((m) => ({ default: m.UsersPage })));
const NewCoursePage = lazy(() => import("./pages/CourseSettings.tsx").then((m) => ({ default: m.NewCoursePage })));
const CourseSettingsPage = lazy(() => import("./pages/CourseSettings.tsx").then((m) => ({ default: m.CourseSettingsPage })));
const RosterPage = lazy(() => import("./pages/Roster.tsx").then((m) => ({ default: m.RosterPage })));

function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  return (
    <button type="button" className="ghost" onClick={() => setTheme(theme === "dark" ? "light" : "dark")} aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}>
      <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
      <span className="theme-word"> {theme === "dark" ? "Light" : "Dark"}</span>
    </button>
  );
}

function Header() {
  const { me: user, sessionLost, setLoginDialogOpen, logout } = useAuth();
  const { navigate } = useRouter();
  // A lost session shows no user (the page stays, for the draft's sake, under the login dialog).
  const me = sessionLost ? null : user;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to="/" className="brand">
        Autograder
      </Link>
      {me ? (
        <nav aria-label="Main">
          <Link to="/">Dashboard</Link>
          {isStaff(me) ? <Link to="/authoring">Authoring</Link> : null}
          {me.role === "admin" ? <Link to="/admin/users">Users</Link> : null}
          {me.role === "admin" ? <Link to="/admin/lti">LTI</Link> : null}
        </nav>
      ) : null}
      <div className="header-right">
        <ThemeToggle />
        {me ? (
          <>
            <span className="muted user-name" title={me.email}>
              {me.name} {isStaff(me) ? <span className="tag">{me.role}</span> : null}
            </span>
            <button
              type="button"
              className="ghost"
              onClick={() => {
                void logout().then(() => navigate("/login"));
              }}
            >
              Log out
            </button>
          </>
        ) : sessionLost ? (
          <>
            <span className="muted" role="status">
              Logged out
            </span>
            <button type="button" className="primary" onClick={() => setLoginDialogOpen(true)}>
              Log in
            </button>
          </>
        ) : null}
      </div>
    </header>
  );
}

function Staff({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (!isStaff(me)) return <ErrorBox error="This page is for instructors." />;
  return <>{children}</>;
}

function Admin({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (me?.role !== "admin") return <ErrorBox error="This page is for admins." />;
  return <>{children}</>;
}

function Routes() {
  const { path, navigate } = useRouter();
  const { me, loading } = useAuth();
  const isPublic = path === "/login" || path === "/join";
  useEffect(() => {
    if (!loading && !me && !isPublic) navigate(`/login${path !== "/" ? `?next=${encodeURIComponent(path + window.location.search)}` : ""}`, { replace: true });
    if (!loading && me && path === "/login") navigate("/", { replace: true });
    // Sign-up is for new accounts: a logged-in student joins from the dashboard (code kept).
    if (!loading && me && path === "/join") navigate(`/${window.location.search}`, { replace: true });
  }, [loading, me, isPublic, path, navigate]);
  if (loading) return <Spinner />;
  if (path === "/login") return <LoginPage />;
  if (path === "/join") return me ? <Spinner /> : <JoinPage />;
  if (!me) return <Spinner />;
  let m: Record<string, string> | null;
  if (path === "/") return <DashboardPage />;
  if ((m = matchPath("/exercises/:id", path))) return <ExercisePage id={m.id as string} />;
  if (path === "/admin/users")
    return (
      <Admin>
        <UsersPage />
      </Admin>
    );
  if (path === "/courses/new")
    return (
      <Staff>
        <NewCoursePage />
      </Staff>
    );
  if ((m = matchPath("/courses/:id/settings", path)))
    return (
      <Staff>
        <CourseSettingsPage id={m.id as string} />
      </Staff>
    );
  if ((m = matchPath("/courses/:id/roster", path)))
    return (
      <Staff>
        <RosterPage id={m.id as string} />
      </Staff>
    );
  if ((m = matchPath("/courses/:id", path)))
    return (
      <Staff>
        <CoursePage id={m.id as string} />
      </Staff>
    );
  if ((m = matchPath("/courses/:id/gradebook", path)))
    return (
      <Staff>
        <GradebookPage courseId={m.id as string} />
      </Staff>
    );
  if (path === "/authoring")
    return (
      <Staff>
        <AuthoringHomePage />
      </Staff>
    );
  if ((m = matchPath("/authoring/:id", path)))
    return (
      <Staff>
        <AuthoringPage key={m.id} id={m.id as string} />
      </Staff>
    );
  if ((m = matchPath("/courses/:id/students/:userId", path)))
    return (
      <Staff>
        <TimelinePage courseId={m.id as string} userId={m.userId as string} />
      </Staff>
    );
  if (path === "/admin/lti") return me.role === "admin" ? <LtiAdminPage /> : <ErrorBox error="This page is for administrators." />;
  if ((m = matchPath("/lti/deep-link/:id", path)))
    return (
      <Staff>
        <LtiDeepLinkPage id={m.id as string} />
      </Staff>
    );
  if ((m = matchPath(REVIEW_ROUTE, path)))
    return (
      <Staff>
        <ReviewPage courseId={m.id as string} assignmentId={m.assignmentId as string} userId={m.userId as string} />
      </Staff>
    );
  if ((m = matchPath("/courses/:id/analytics", path)))
    return (
      <Staff>
        <AnalyticsPage courseId={m.id as string} />
      </Staff>
    );
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </div>
  );
}

/** A different user after a lost session gets fresh pages: nothing of the previous user's stays mounted. */
function UserRoutes() {
  const { me } = useAuth();
  return <Routes key={me?.id ?? "nobody"} />;
}

export function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <UserRoutes />
        </Suspense>
      </main>
      <SessionDialog />
    </>
  );
}
