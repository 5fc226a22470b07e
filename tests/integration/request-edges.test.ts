/**
 * What lives in the request itself (cookies, headers, who is asking), with
 * the real cookie parser and session of tests/support/app-harness.ts.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { getViewerTimeZone } from "@/app/_lib/time-zone";
import Forbidden from "@/app/forbidden";
import JoinPage from "@/app/join/page";
import { createUser } from "@/lib/users/accounts";
import { outcome, page, request, session, type Who } from "../support/app-harness";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();
const people: Record<"teacher" | "student", Who> = { teacher: null, student: null };

beforeAll(async () => {
  for (const role of ["teacher", "student"] as const) {
    const r = await createUser({
      db: t.db(),
      name: role,
      email: uniqueEmail(role),
      password: "password123",
      role,
      hashParams: FAST_HASH,
    });
    if (!r.ok) throw new Error("user");
    people[role] = { id: r.user.id, name: role, email: r.user.email, role };
  }
});

afterEach(() => {
  request.headers.delete("cookie");
  session.user = null;
});

describe("the time zone cookie", () => {
  it("reads the zone the browser wrote (encoded once, decoded once by Next)", async () => {
    request.headers.set("cookie", `tz=${encodeURIComponent("America/Argentina/Buenos_Aires")}`);
    expect(await getViewerTimeZone()).toBe("America/Argentina/Buenos_Aires");
  });

  it("falls back to UTC for a malformed value instead of failing every page that reads it", async () => {
    // Next decodes %25 to %; decoding "%E0" a second time threw a URIError: a 500 on every page.
    request.headers.set("cookie", "tz=%25E0%25A4");
    expect(await getViewerTimeZone()).toBe("UTC");
    session.user = people.student;
    expect(await outcome(() => JoinPage(page()))).toBe("ok");
  });
});

describe("the not-allowed page", () => {
  const text = async () => renderToStaticMarkup(await Forbidden());

  it("tells a teacher on a student's page that it is for students", async () => {
    session.user = people.teacher;
    expect(await text()).toContain("This page is for students.");
  });

  it("tells a student on a teacher's page that it is for teachers", async () => {
    session.user = people.student;
    expect(await text()).toContain("This page is for teachers.");
  });
});
