// @vitest-environment jsdom
// The data layer: useResource on TanStack Query keeps the shape pages use ({data, error,
// loading, reload, set}), and getPath builds URLs from the OpenAPI document's templates.
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, getPath } from "../src/api.ts";
import { useResource } from "../src/hooks.ts";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("useResource", () => {
  it("loads, reloads, follows its deps, and can be set", async () => {
    let calls = 0;
    const { result, rerender } = renderHook(({ id }) => useResource(async () => `${id}:${++calls}`, [id]), { initialProps: { id: "a" } });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe("a:1"));
    expect(result.current.loading).toBe(false);
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toBe("a:2"));
    rerender({ id: "b" });
    expect(result.current.data, "the last data stays while the next loads").toBe("a:2");
    await waitFor(() => expect(result.current.data).toBe("b:3"));
    act(() => result.current.set("mine"));
    await waitFor(() => expect(result.current.data).toBe("mine"));
  });

  it("gives an error as a value (no retry), without data", async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useResource<string>(async () => {
        calls++;
        throw new ApiError(404, "NOT_FOUND", "No such course.");
      }, []),
    );
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ApiError));
    expect(result.current.data).toBeUndefined();
    expect(result.current.loading).toBe(false);
    expect(calls).toBe(1);
  });

  it("never shares a cache entry between two mounted components with the same deps", async () => {
    const first = renderHook(() => useResource(async () => "first", ["x"]));
    const second = renderHook(() => useResource(async () => "second", ["x"]));
    await waitFor(() => expect(second.result.current.data).toBe("second"));
    expect(first.result.current.data).toBe("first");
  });
});

describe("getPath", () => {
  it("fills the template's parameters, encoded, and answers the JSON", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => (urls.push(url), new Response(JSON.stringify([]), { status: 200 })));
    await expect(getPath("/api/courses/{id}/assignments", { id: "a/b?c" })).resolves.toEqual([]);
    expect(urls).toEqual(["/api/courses/a%2Fb%3Fc/assignments"]);
  });

  it("is checked against the document's paths", () => {
    // @ts-expect-error not a path of the OpenAPI document
    const bad = () => getPath("/api/no-such-route");
    expect(typeof bad).toBe("function");
  });
});
