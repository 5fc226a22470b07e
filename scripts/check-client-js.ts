/**
 * `npm run check:client-js`, after `next build`: the quiz page must ship no more
 * than 1.15 times the JavaScript of a minimal page of the same build.
 *
 * What a browser loads for an app-router page is the build's root main files
 * (.next/build-manifest.json `rootMainFiles`: the runtime, React, the router)
 * plus the client chunks of every entry in the page's client reference
 * manifest (.next/server/app/<route>/page_client-reference-manifest.js
 * `entryJSFiles`: the root layout, error and not-found boundaries and the page
 * itself). The minimal page is Next's own `/_not-found`: the root layout and
 * the not-found message, nothing of ours added. Polyfills are left out: they
 * are `nomodule` and modern browsers skip them.
 *
 * Sizes are gzip (level 9, close to what `next start` sends) and raw; the
 * limit applies to gzip, and both ratios are printed.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const LIMIT = 1.15;
const dist = path.resolve(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
const pages = { quiz: "/attempts/[id]", minimal: "/_not-found" } as const;

type Manifest = { entryJSFiles?: Record<string, string[]> };

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new Error(
      `Cannot read ${path.relative(process.cwd(), file)} (${(e as Error).message}). Run \`next build\` first.`,
    );
  }
}

/** The manifest is a script that assigns globalThis.__RSC_MANIFEST[<page>]; run it in a sandbox. */
function clientReferenceManifest(route: string): Manifest {
  const file = path.join(
    dist,
    "server",
    "app",
    ...route.split("/").filter(Boolean),
    "page_client-reference-manifest.js",
  );
  if (!fs.existsSync(file))
    throw new Error(`No ${path.relative(process.cwd(), file)}. Run \`next build\` first.`);
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, Manifest> }, self: {} };
  sandbox.globalThis = sandbox as never;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifests =
    (sandbox as unknown as { __RSC_MANIFEST?: Record<string, Manifest> }).__RSC_MANIFEST ?? {};
  const manifest = manifests[`${route}/page`] ?? Object.values(manifests)[0];
  if (!manifest?.entryJSFiles) throw new Error(`${path.relative(process.cwd(), file)} has no entryJSFiles`);
  return manifest;
}

function pageFiles(route: string): string[] {
  const build = readJson<{ rootMainFiles: string[] }>(path.join(dist, "build-manifest.json"));
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(clientReferenceManifest(route).entryJSFiles ?? {})) {
    for (const f of chunks) if (f.endsWith(".js")) files.add(f);
  }
  return [...files].sort();
}

function measure(files: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dist, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

function main() {
  const quizFiles = pageFiles(pages.quiz);
  const minimalFiles = pageFiles(pages.minimal);
  const quiz = measure(quizFiles);
  const minimal = measure(minimalFiles);
  const ratio = { gzip: quiz.gzip / minimal.gzip, raw: quiz.raw / minimal.raw };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`Client JavaScript (${path.relative(process.cwd(), dist)}):`);
  console.log(
    `  ${pages.minimal.padEnd(15)} ${minimal.files} files, ${kb(minimal.gzip)} gzip, ${kb(minimal.raw)} raw`,
  );
  console.log(`  ${pages.quiz.padEnd(15)} ${quiz.files} files, ${kb(quiz.gzip)} gzip, ${kb(quiz.raw)} raw`);
  const extra = quizFiles.filter((f) => !minimalFiles.includes(f));
  if (extra.length) console.log(`  only on the quiz page: ${extra.join(", ")}`);
  console.log(`  ratio ${ratio.gzip.toFixed(3)} gzip (limit ${LIMIT}), ${ratio.raw.toFixed(3)} raw`);
  if (ratio.gzip > LIMIT) {
    console.error(
      `FAIL: the quiz page ships ${ratio.gzip.toFixed(2)}x the JavaScript of a minimal page (limit ${LIMIT}x).`,
    );
    process.exit(1);
  }
  console.log("OK");
}

try {
  main();
} catch (e) {
  console.error(`check:client-js: ${(e as Error).message}`);
  process.exit(1);
}
