// `npm start`: installs nothing, builds what is missing, starts everything, prints the URL.
import "@autograder/shared/require-supported-node";
import { ConfigError, loadConfig } from "@autograder/api/config";
import { startPlatform } from "@autograder/launcher";
import { ensureWebBuilt } from "@autograder/web";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  const fatal = (message: string): void => {
    process.stderr.write(`Stopping: ${message}\n`);
    platform?.abort();
    // A supervisor (Docker's restart policy, systemd) starts a fresh copy.
    process.exit(1);
  };
  try {
    // The server lists the web app's files once at start, so build them first when missing.
    await ensureWebBuilt(log);
    platform = await startPlatform(config, log, { onFatal: fatal });
  } catch (err) {
    process.stderr.write(`Could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  log(`Autograder is running at ${platform.url} (Ctrl-C to stop)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down...`);
    const deadline = setTimeout(() => {
      process.stderr.write(`Shutdown did not finish within SHUTDOWN_TIMEOUT_MS=${config.shutdownTimeoutMs} ms; exiting anyway.\n`);
      platform?.abort();
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    await platform?.stop();
    log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

void main();
