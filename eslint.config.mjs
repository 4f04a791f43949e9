import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers (docs/architecture-graph.md). Tests may reach across them: they exercise routes from lib/.
    // Import cycles (file and feature level) are checked by lib/testing/import-boundaries.test.ts:
    // import/no-cycle took 400 s of a 10-minute lint of this tree.
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: "./app",
              message: "lib/ must not depend on routes; move the code into lib/<feature>.",
            },
            {
              target: "./components",
              from: "./app",
              message: "Components import from lib/, never from app/.",
            },
            {
              target: "./components",
              from: "./lib/server",
              // Pure helpers with no server code in them.
              except: ["./action-result.ts", "./byte-size.ts"],
              message:
                "Components get data through props and lib/<feature> functions, never the database or server internals.",
            },
            {
              target: "./components",
              from: "./lib/generated",
              message: "Components import types from lib/<feature>, not the Prisma client.",
            },
            {
              target: "./lib/domain",
              from: ["./lib/!(domain)/**", "./app/**", "./components/**"],
              message: "lib/domain is the shared vocabulary: it imports nothing from features.",
            },
            {
              target: "./lib/server",
              from: ["./lib/!(server|generated)/**", "./app/**", "./components/**"],
              message: "lib/server is the platform layer: it imports no feature (route wrappers live in lib/api).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
