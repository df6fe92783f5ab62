// Imported first by every entry point (npm start, the grader, the CLIs): stops with one line
// before isolated-vm is loaded, instead of a native-module error on an unsupported Node.
import { unsupportedNodeMessage } from "./node-version.ts";

const message = unsupportedNodeMessage(process.versions.node);
if (message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
