// Admin: register LMS platforms (LTI 1.3), copy the tool's URLs into the LMS, rotate keys.
import { useState, type FormEvent } from "react";
import { api } from "../api.ts";
import { Card, ErrorBox, Spinner, formatDate } from "../components/common.tsx";
import { useDocumentTitle, useResource } from "../hooks.ts";
import { splitList, type LtiPlatformInput, type LtiPlatformView, type LtiToolView } from "../lti.ts";

const EMPTY: LtiPlatformInput = { name: "", issuer: "", clientId: "", authLoginUrl: "", accessTokenUrl: "", jwksUrl: "", deploymentIds: [], frameOrigins: [] };

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <code>{value}</code>
      </td>
      <td>
        <button type="button" className="ghost" onClick={() => void navigator.clipboard?.writeText(value)} aria-label={`Copy ${label}`}>
          Copy
        </button>
      </td>
    </tr>
  );
}

function PlatformForm({ initial, onSaved, onCancel }: { initial: LtiPlatformView | null; onSaved(): void; onCancel(): void }) {
  const [form, setForm] = useState<LtiPlatformInput>(initial ?? EMPTY);
  const [deployments, setDeployments] = useState((initial?.deploymentIds ?? []).join("\n"));
  const [origins, setOrigins] = useState((initial?.frameOrigins ?? []).join("\n"));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof Omit<LtiPlatformInput, "deploymentIds" | "frameOrigins">, label: string, type = "url") => (
    <label>
      {label}
      <input type={type} name={key} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...form, deploymentIds: splitList(deployments), frameOrigins: splitList(origins) };
    try {
      if (initial) await api.patch(`/api/lti/platforms/${initial.id}`, body);
      else await api.post("/api/lti/platforms", body);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label={initial ? `Edit ${initial.name}` : "Register a platform"}>
      {error ? <ErrorBox error={error} /> : null}
      {field("name", "Name", "text")}
      {field("issuer", "Issuer (iss)")}
      {field("clientId", "Client ID", "text")}
      {field("authLoginUrl", "OIDC authentication URL")}
      {field("accessTokenUrl", "Access token URL")}
      {field("jwksUrl", "Public keyset (JWKS) URL")}
      <label>
        Deployment IDs (one per line)
        <textarea name="deploymentIds" rows={3} value={deployments} onChange={(e) => setDeployments(e.target.value)} />
      </label>
      <label>
        Other origins the LMS pages are served from (one per line, e.g. https://school.instructure.com)
        <textarea name="frameOrigins" rows={2} value={origins} onChange={(e) => setOrigins(e.target.value)} />
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {initial ? "Save" : "Register"}
        </button>{" "}
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function LtiAdminPage() {
  useDocumentTitle("LTI");
  const tool = useResource(() => api.get<LtiToolView>("/api/lti/tool"), []);
  const platforms = useResource(() => api.get<LtiPlatformView[]>("/api/lti/platforms"), []);
  const [editing, setEditing] = useState<LtiPlatformView | "new" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rotate = async () => {
    if (!window.confirm("Make a new signing key? The current key stays published for an hour.")) return;
    try {
      await api.post("/api/lti/keys/rotate");
      tool.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (p: LtiPlatformView) => {
    if (!window.confirm(`Remove ${p.name}? Its launches stop working; courses and accounts stay.`)) return;
    try {
      await api.del(`/api/lti/platforms/${p.id}`);
      platforms.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="page stack">
      <h1>LTI 1.3 (LMS integration)</h1>
      {error ? <ErrorBox error={error} /> : null}
      <Card title="Tool URLs to paste into the LMS" id="lti-urls">
        {tool.error ? <ErrorBox error={tool.error} /> : null}
        {tool.data ? (
          <>
            <table className="table compact">
              <tbody>
                <CopyRow label="Login initiation URL" value={tool.data.urls.loginUrl} />
                <CopyRow label="Redirect / launch URL" value={tool.data.urls.launchUrl} />
                <CopyRow label="Deep linking URL" value={tool.data.urls.deepLinkingUrl} />
                <CopyRow label="Public keyset (JWKS) URL" value={tool.data.urls.jwksUrl} />
                <CopyRow label="Canvas JSON URL" value={tool.data.urls.canvasConfigUrl} />
                <CopyRow label="Domain" value={tool.data.urls.domain} />
              </tbody>
            </table>
            <details>
              <summary>Canvas developer key JSON</summary>
              <pre tabIndex={0} style={{ overflow: "auto", maxHeight: "24rem" }}>{JSON.stringify(tool.data.canvas, null, 2)}</pre>
            </details>
            <h3>Signing keys</h3>
            <ul>
              {tool.data.keys.map((k) => (
                <li key={k.kid}>
                  <code>{k.kid}</code> created {formatDate(k.createdAt)} {k.retiredAt ? `(retired ${formatDate(k.retiredAt)})` : "(signing)"}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void rotate()}>
              Rotate keys
            </button>
          </>
        ) : tool.loading ? (
          <Spinner />
        ) : null}
      </Card>
      <Card
        title="Platforms"
        id="lti-platforms"
        actions={
          editing === null ? (
            <button type="button" onClick={() => setEditing("new")}>
              Register a platform
            </button>
          ) : null
        }
      >
        {editing !== null ? (
          <PlatformForm
            key={editing === "new" ? "new" : editing.id}
            initial={editing === "new" ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              platforms.reload();
            }}
          />
        ) : null}
        {platforms.error ? <ErrorBox error={platforms.error} /> : null}
        {platforms.data && platforms.data.length === 0 ? <p className="muted">No platform registered yet.</p> : null}
        {platforms.data && platforms.data.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Issuer</th>
                <th>Client ID</th>
                <th>Deployments</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {platforms.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.issuer}</td>
                  <td>{p.clientId}</td>
                  <td>{p.deploymentIds.join(", ")}</td>
                  <td>
                    <button type="button" className="ghost" onClick={() => setEditing(p)}>
                      Edit
                    </button>{" "}
                    <button type="button" className="ghost" onClick={() => void remove(p)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Card>
    </div>
  );
}
