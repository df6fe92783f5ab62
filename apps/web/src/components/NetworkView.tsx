// A sequence diagram of the segments and datagrams between hosts, with their bytes.
import { useState } from "react";
import type { NetworkVisualizationData, WireEventView } from "@autograder/shared";

const COL = 170;
const ROW = 34;
const TOP = 46;

const ipOf = (addr: string) => addr.slice(0, addr.lastIndexOf(":") > 0 ? addr.lastIndexOf(":") : addr.length);

function label(e: WireEventView): string {
  const kind = e.proto === "udp" ? "UDP" : e.flags ? `TCP ${e.flags}` : "TCP";
  const bytes = e.length > 0 ? ` ${e.length} B "${e.text.length > 24 ? `${e.text.slice(0, 24)}…` : e.text}"` : "";
  return `${kind}${bytes}`;
}

function hexDump(hex: string): string {
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += 32) {
    const chunk = hex.slice(i, i + 32);
    const bytes = chunk.match(/../g) ?? [];
    const ascii = bytes.map((b) => {
      const c = parseInt(b, 16);
      return c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ".";
    });
    lines.push(`${(i / 2).toString(16).padStart(4, "0")}  ${bytes.join(" ").padEnd(47)}  ${ascii.join("")}`);
  }
  return lines.join("\n");
}

export function NetworkView({ data }: { data: NetworkVisualizationData }) {
  const [selected, setSelected] = useState<number | null>(null);
  const hostIndex = new Map<string, number>();
  const hosts = [...data.hosts];
  data.hosts.forEach((h, i) => hostIndex.set(h.ip, i));
  for (const e of data.events) {
    for (const addr of [e.from, e.to]) {
      if (!addr) continue;
      const ip = ipOf(addr);
      if (!hostIndex.has(ip)) {
        hostIndex.set(ip, hosts.length);
        hosts.push({ ip, name: ip });
      }
    }
  }
  const width = Math.max(hosts.length, 2) * COL;
  const height = TOP + data.events.length * ROW + 20;
  const x = (addr: string) => (hostIndex.get(ipOf(addr)) ?? 0) * COL + COL / 2;
  const sel = selected === null ? undefined : data.events[selected];
  return (
    <figure className="viz network-view" aria-label="Network sequence diagram">
      {data.seed !== undefined ? (
        <p>
          Network seed: <code className="seed">{String(data.seed)}</code>
          {data.split && data.split !== "none" ? ` · segments split: ${data.split}` : ""}
        </p>
      ) : null}
      {data.events.length === 0 ? (
        <p className="info-box">
          Nothing was sent on the network in this test{hosts.length > 0 ? ` (hosts: ${hosts.map((h) => h.name).join(", ")})` : ""}
          {data.notes && data.notes.length > 0 ? "; what happened is listed below." : "."}
        </p>
      ) : (
      <div className="timeline-scroll">
        <svg width={width} height={height} role="img" aria-label={`Sequence diagram: ${data.events.length} segments and datagrams between ${hosts.length} hosts`}>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrowhead" />
            </marker>
          </defs>
          {hosts.map((h, i) => (
            <g key={h.ip}>
              <text x={i * COL + COL / 2} y={16} textAnchor="middle" className="host-name">
                {h.name}
              </text>
              <text x={i * COL + COL / 2} y={32} textAnchor="middle" className="host-ip">
                {h.ip}
              </text>
              <line x1={i * COL + COL / 2} x2={i * COL + COL / 2} y1={TOP - 6} y2={height} className="lifeline" />
            </g>
          ))}
          {data.events.map((e, k) => {
            const y = TOP + k * ROW + ROW / 2;
            if (!e.from || !e.to) {
              return (
                <text key={k} x={width / 2} y={y} textAnchor="middle" className="gap-note">
                  {e.note}
                </text>
              );
            }
            const x1 = x(e.from);
            let x2 = x(e.to);
            if (x1 === x2) x2 = x1 + 30;
            const lost = /lost|drop/i.test(e.note);
            return (
              <g key={k} className={`msg ${e.proto} ${lost ? "lost" : ""} ${selected === k ? "selected" : ""}`} onClick={() => setSelected(k)}>
                <line x1={x1} x2={x2} y1={y} y2={y} markerEnd="url(#arrow)" />
                <text x={(x1 + x2) / 2} y={y - 5} textAnchor="middle" className="msg-label">
                  {label(e)}
                </text>
                <text x={4} y={y + 4} className="msg-time">
                  {e.t}ms
                </text>
                <title>{`${e.t} ms ${e.from} → ${e.to} ${label(e)}${e.note ? ` (${e.note})` : ""}`}</title>
              </g>
            );
          })}
        </svg>
      </div>
      )}
      {data.events.length === 0 ? null : (
      <details open={data.events.length <= 12}>
        <summary>Segments and datagrams as a table (select one to see its bytes)</summary>
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Time (ms)</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Kind</th>
              <th scope="col">Bytes</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e, k) =>
              e.from ? (
                <tr key={k} className={selected === k ? "selected" : undefined}>
                  <td>{e.t}</td>
                  <td className="mono">{e.from}</td>
                  <td className="mono">{e.to}</td>
                  <td>
                    {e.proto.toUpperCase()} {e.flags} {e.note ? <em>({e.note})</em> : null}
                  </td>
                  <td>{e.length}</td>
                  <td>
                    {e.length > 0 ? (
                      <button type="button" className="link" onClick={() => setSelected(k)} aria-label={`Show the bytes of event ${k + 1}`}>
                        <span className="mono">{e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ) : (
                <tr key={k}>
                  <td colSpan={6} className="muted">
                    {e.note}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </details>
      )}
      {sel && sel.length > 0 ? (
        <div className="bytes" aria-live="polite">
          <h4>
            {sel.from} → {sel.to}, {sel.length} bytes at {sel.t} ms
          </h4>
          <pre tabIndex={0} className="mono">{hexDump(sel.hex)}</pre>
        </div>
      ) : null}
      {data.notes && data.notes.length > 0 ? (
        <ul className="muted">
          {data.notes.map((n, i) => (
            <li key={i}>
              {n.t} ms: {n.text}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
