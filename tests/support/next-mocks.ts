/**
 * Next's plumbing, replaced for every integration and fuzz test file (a setup
 * file: vi.mock here applies to each file of the project). What replaces it
 * is in app-harness.ts: real headers and cookies, a real next-auth session.
 */
import { vi } from "vitest";

vi.mock("next-auth/next", async (original) =>
  (await import("./app-harness")).nextAuthMock(await original<object>()),
);
vi.mock("next/server", async (original) =>
  (await import("./app-harness")).nextServerMock(await original<object>()),
);
vi.mock("next/navigation", async (original) =>
  (await import("./app-harness")).navigationMock(await original<object>()),
);
vi.mock("next/cache", async () => (await import("./app-harness")).cacheMock());
vi.mock("next/headers", async () => (await import("./app-harness")).headersMock());
