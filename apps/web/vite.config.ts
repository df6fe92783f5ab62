// Vite build of the single-page app. Everything (Monaco, its workers, fonts) is bundled and
// served by our own API server; the dev server proxies /api to a running `npm start`.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { defineConfig, type Plugin, type PluginOption } from "vite";
import react from "@vitejs/plugin-react";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Writes .br and .gz next to each large text asset; the API sends them (preCompressed). */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "autograder-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const dir = path.join(outDir, "assets");
      const files = (await readdir(dir)).filter((f) => /\.(js|css|ttf|svg|html)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const data = await readFile(path.join(dir, f));
          if (data.length < 4096) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzip(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(path.join(dir, `${f}.br`), br), writeFile(path.join(dir, `${f}.gz`), gz)]);
        }),
      );
    },
  };
}

const apiTarget = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  // The plugin's types resolve the root's newer vite (hoisted); at run time it is this vite.
  plugins: [react() as unknown as PluginOption, precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  worker: { format: "es" },
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
});
