/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder;
  // bundling it breaks those paths (webpack builds then serve 500s).
  serverExternalPackages: ["@electric-sql/pglite"],
  // Playwright and local tools reach the dev server as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  experimental: {
    // forbidden() renders a real 403 page for a signed-in user of the wrong role.
    authInterrupts: true,
    serverActions: {
      // An article upload is up to 2 MB (MAX_UPLOAD_BYTES) beside a pasted text of up to
      // 300,000 characters; Next's default of 1 MB answered bigger posts with a bare 500.
      bodySizeLimit: "4mb",
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Pages get their policy, with a per-request script nonce, from proxy.ts.
        // API routes answer JSON (and next-auth's few plain pages): nothing of theirs needs to run.
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
