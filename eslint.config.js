// One lint setup for the whole repository (flat config). Formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      "prisma/generated/**",
      "apps/dashboard/next-env.d.ts",
      "apps/dashboard/src/graphql-env.d.ts",
      "tests/test-results/**",
      "tests/screenshots/**",
      "**/*-tmp.ts",
      "data/**",
      "tests/playwright-report/**",
      "docs/lighthouse/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "ExportDefaultDeclaration", message: "Use named exports." }],
    },
  },
  {
    // Next.js route files and tool configs must export default.
    files: [
      "apps/dashboard/src/app/**/{page,layout,loading,error,not-found,global-error,route,template,default,opengraph-image,icon,sitemap,robots}.tsx",
      "apps/dashboard/src/app/**/{page,layout,loading,error,not-found,global-error,route,template,default}.ts",
      "**/*.config.{js,ts,mjs}",
      "tests/support/database-setup.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["apps/dashboard/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
