import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/** The layers (ARCHITECTURE.md): what each may import, enforced. Types may cross (they are erased). */
const layer = (files, patterns) => ({
  files,
  rules: {
    "@typescript-eslint/no-restricted-imports": ["error", { patterns, paths: [] }],
  },
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "bench/results/**",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Type-aware: a promise nobody awaits fails silently; one passed where a void callback is expected runs unawaited.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // A delete or update without a where clause changes every row (t3's rule).
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  layer(
    ["lib/**", "db/**"],
    [
      {
        group: ["@/app", "@/app/*", "@/components", "@/components/*"],
        allowTypeImports: false,
        message: "lib/ and db/ never import app/ or components/: data flows route -> lib -> db.",
      },
      {
        group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "react/*"],
        message: "lib/ and db/ are free of Next.js and React: pass what they need in.",
      },
    ],
  ),
  layer(
    ["components/**"],
    [
      {
        group: ["@/db", "@/db/*"],
        allowTypeImports: true,
        message: "components/ never touch the database: a page reads, a component renders what it is given.",
      },
      {
        group: ["@/app/_lib/auth", "@/app/_lib/action", "@/app/_lib/time-zone"],
        allowTypeImports: true,
        message:
          "components/ never read the session or the request: the page or layout passes what they need.",
      },
    ],
  ),
];

export default config;
