// Loading data for a page: {data, error, loading, reload, set}, on top of TanStack Query.
import { keepPreviousData, QueryClientContext, useQuery } from "@tanstack/react-query";
import { useCallback, useContext, useEffect, useState } from "react";
import { queryClient as fallbackClient } from "./query.ts";

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  set(value: T): void;
}

let nextInstance = 0;
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

/** A dependency as a query-key part: primitives as they are, objects and functions by identity (as useEffect compares them). */
function keyPart(dep: unknown): unknown {
  if ((typeof dep !== "object" && typeof dep !== "function") || dep === null) return dep;
  let id = objectIds.get(dep);
  if (id === undefined) objectIds.set(dep, (id = ++nextObjectId));
  return { ref: id };
}

/**
 * `load` runs when the component mounts and again whenever one of `deps` changes (compared as
 * useEffect compares them) or `reload()` is called; `loading` is true meanwhile and the last
 * data stays shown. The cache entry belongs to this mounted component (its key starts with a
 * per-mount number): the pages are keyed by the user's id, so nothing loaded for one user can
 * ever be served to the next from the cache.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const client = useContext(QueryClientContext) ?? fallbackClient;
  const [instance] = useState(() => ++nextInstance);
  const queryKey = ["resource", instance, ...deps.map(keyPart)];
  // gcTime 0: an entry no mounted component observes (past deps, an unmounted page) is dropped.
  const query = useQuery<T>({ queryKey, queryFn: load, placeholderData: keepPreviousData, gcTime: 0 }, client);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const keyHash = JSON.stringify(queryKey);
  const set = useCallback((value: T) => client.setQueryData<T>(queryKey, value), [client, keyHash]);
  const error: unknown = query.error ?? undefined;
  return { data: error === undefined ? query.data : undefined, error, loading: query.isFetching, reload, set };
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Autograder` : "Autograder";
  }, [title]);
}
