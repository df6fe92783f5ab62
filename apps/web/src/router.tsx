// A small history router: enough for a dozen pages, no dependency.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from "react";

interface RouterState {
  path: string;
  search: string;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState>({ path: "/", search: "", navigate: () => {} });

/** How long a navigation waits for the new page's heading (lazy pages, data loading). */
const HEADING_WAIT_MS = 10_000;

interface LeftPage {
  /** What had focus when the navigation started (the link clicked). */
  focused: Element | null;
  /** The old page's headings: a kept or hidden old page must not take the focus. */
  headings: Set<Element>;
}

const leavePage = (): LeftPage => ({ focused: document.activeElement, headings: new Set(document.querySelectorAll("main h1")) });

/**
 * After a client-side navigation, focus goes to the new page's main heading, so keyboard and
 * screen-reader users start at the top of the new content and hear its name. Not when the user
 * has already moved focus somewhere else while the page loaded.
 */
function focusHeadingAfterNavigation({ focused: before, headings: old }: LeftPage): () => void {
  const untouched = () => {
    const a = document.activeElement;
    return a === null || a === document.body || a === before || !a.isConnected || a.id === "main";
  };
  const tryFocus = () => {
    const h1 = [...document.querySelectorAll<HTMLElement>("main h1")].find((h) => !old.has(h) && h.getClientRects().length > 0);
    if (!h1) return false;
    if (untouched()) {
      if (!h1.hasAttribute("tabindex")) h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  // Suspense shows a kept page again by changing its style: attributes count too.
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "hidden"] });
  return stop;
}

export function Router({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  const left = useRef<LeftPage | null>(null);
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    // Not on the first page load: the browser's own focus handling.
    if (moved === 0 || !left.current) return;
    return focusHeadingAfterNavigation(left.current);
  }, [moved]);
  useEffect(() => {
    const onPop = () => {
      left.current = leavePage();
      setLoc({ path: window.location.pathname, search: window.location.search });
      setMoved((n) => n + 1);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (options?.replace) window.history.replaceState(null, "", to);
    else window.history.pushState(null, "", to);
    if (!options?.replace) left.current = leavePage();
    setLoc({ path: window.location.pathname, search: window.location.search });
    if (!options?.replace) setMoved((n) => n + 1);
    window.scrollTo?.(0, 0);
  }, []);
  const value = useMemo(() => ({ ...loc, navigate }), [loc, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

/** Matches `pattern` ("/courses/:id") against `path`; params are decoded. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] as string;
    const seg = s[i] as string;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part !== seg) return null;
  }
  return params;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
}

/** In-app path of an exercise page (the id keeps its slash encoded as one segment). */
export const exerciseUrl = (id: string, assignmentId?: string) =>
  `/exercises/${encodeURIComponent(id)}${assignmentId ? `?assignment=${encodeURIComponent(assignmentId)}` : ""}`;
