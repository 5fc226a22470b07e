import { describe, expect, it } from "vitest";
import { LIMITS, claim } from "@/lib/rate-limit";
import {
  createClass,
  createClassLimited,
  getClassForTeacher,
  listBlockedStudents,
  unblockStudent,
  joinClass,
  listClassesForStudent,
  listClassesForTeacher,
  regenerateJoinCode,
  removeStudent,
} from "@/lib/classes/queries";
import { formatJoinCode, generateJoinCode } from "@/lib/classes/join-code";
import { createUser } from "@/lib/users/accounts";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";

const t = setupTestDatabase();

async function user(role: "teacher" | "student") {
  const r = await createUser({
    db: t.db(),
    name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
    email: uniqueEmail(role),
    password: "password123",
    role,
    hashParams: FAST_HASH,
  });
  if (!r.ok) throw new Error("user");
  return r.user.id;
}

describe("classes", () => {
  it("lets a student join with the code as read aloud, once", async () => {
    const teacher = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "  Year 10 History " });
    expect(klass.name).toBe("Year 10 History");
    const typed = formatJoinCode(klass.joinCode).toLowerCase();
    expect(await joinClass({ db: t.db(), studentId: student, code: typed })).toEqual({
      ok: true,
      className: "Year 10 History",
      alreadyMember: false,
    });
    expect(await joinClass({ db: t.db(), studentId: student, code: klass.joinCode })).toMatchObject({
      ok: true,
      alreadyMember: true,
    });
    expect((await listClassesForStudent({ db: t.db(), studentId: student })).map((c) => c.id)).toEqual([
      klass.id,
    ]);
    const view = await getClassForTeacher({ db: t.db(), teacherId: teacher, classId: klass.id });
    expect(view?.roster.map((r) => r.studentId)).toEqual([student]);
    expect((await listClassesForTeacher({ db: t.db(), teacherId: teacher }))[0]?.students).toBe(1);
  });

  it("refuses a malformed or unknown code with a reason", async () => {
    const student = await user("student");
    expect(await joinClass({ db: t.db(), studentId: student, code: "12" })).toEqual({
      ok: false,
      reason: "bad-code",
    });
    expect(await joinClass({ db: t.db(), studentId: student, code: "AAA-AAA" })).toEqual({
      ok: false,
      reason: "no-class",
    });
  });

  it("makes a new code that replaces the old one", async () => {
    const teacher = await user("teacher");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Physics" });
    const regenerated = await regenerateJoinCode({ db: t.db(), teacherId: teacher, classId: klass.id });
    const fresh = regenerated.ok ? regenerated.joinCode : undefined;
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(klass.joinCode);
    expect(
      await joinClass({ db: t.db(), studentId: await user("student"), code: klass.joinCode }),
    ).toMatchObject({ ok: false });
    expect(await joinClass({ db: t.db(), studentId: await user("student"), code: fresh! })).toMatchObject({
      ok: true,
    });
  });

  it("keeps another teacher out: no class, no new code, no removal", async () => {
    const owner = await user("teacher");
    const other = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: owner, name: "Owner's class" });
    await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
    expect(await getClassForTeacher({ db: t.db(), teacherId: other, classId: klass.id })).toBeUndefined();
    expect(await regenerateJoinCode({ db: t.db(), teacherId: other, classId: klass.id })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(
      await removeStudent({ db: t.db(), teacherId: other, classId: klass.id, studentId: student }),
    ).toMatchObject({ ok: false });
    expect(
      (await getClassForTeacher({ db: t.db(), teacherId: owner, classId: klass.id }))?.roster,
    ).toHaveLength(1);
    expect(
      await removeStudent({ db: t.db(), teacherId: owner, classId: klass.id, studentId: student }),
    ).toMatchObject({ ok: true });
    expect(
      (await getClassForTeacher({ db: t.db(), teacherId: owner, classId: klass.id }))?.roster,
    ).toHaveLength(0);
  });
});

let addressCounter = 0;
const address = () => `192.0.2.${++addressCounter}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
/** A well-formed join code, all but certainly no class's (one in 244 million). */
const NO_SUCH_CODE = generateJoinCode();

describe("join codes cannot be found by trying them", () => {
  it(`stops a student after ${LIMITS.joinFailuresPerAccount.max} wrong codes, even for the right one, and says until when`, async () => {
    const teacher = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Guarded" });
    for (let i = 0; i < LIMITS.joinFailuresPerAccount.max; i++)
      expect(
        await joinClass({ db: t.db(), studentId: student, code: NO_SUCH_CODE, clientAddress: address() }),
      ).toEqual({
        ok: false,
        reason: "no-class",
      });
    const refused = await joinClass({
      db: t.db(),
      studentId: student,
      code: klass.joinCode,
      clientAddress: address(),
    });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    if (refused.ok || refused.reason !== "throttled") throw new Error("expected throttled");
    expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it(`stops one address after ${LIMITS.joinFailuresPerAddress.max} wrong codes across many accounts`, async () => {
    const ip = address();
    for (let i = 0; i < LIMITS.joinFailuresPerAddress.max; i++)
      await joinClass({
        db: t.db(),
        studentId: await user("student"),
        code: NO_SUCH_CODE,
        clientAddress: ip,
      });
    expect(
      await joinClass({
        db: t.db(),
        studentId: await user("student"),
        code: NO_SUCH_CODE,
        clientAddress: ip,
      }),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await joinClass({
        db: t.db(),
        studentId: await user("student"),
        code: NO_SUCH_CODE,
        clientAddress: address(),
      }),
    ).toMatchObject({ ok: false, reason: "no-class" });
  });

  it("counts only wrong codes: a right one, and a mistyped format, cost nothing", async () => {
    const teacher = await user("teacher");
    const student = await user("student");
    const classes = await Promise.all(
      Array.from({ length: LIMITS.joinFailuresPerAccount.max + 2 }, (_, i) =>
        createClass({ db: t.db(), teacherId: teacher, name: `Many ${i}` }),
      ),
    );
    for (let i = 0; i < LIMITS.joinFailuresPerAccount.max - 1; i++)
      await joinClass({ db: t.db(), studentId: student, code: NO_SUCH_CODE, clientAddress: address() });
    for (const c of classes) {
      expect(
        await joinClass({ db: t.db(), studentId: student, code: "??", clientAddress: address() }),
      ).toMatchObject({
        reason: "bad-code",
      });
      expect(
        await joinClass({ db: t.db(), studentId: student, code: c.joinCode, clientAddress: address() }),
      ).toMatchObject({ ok: true });
    }
  });

  it("lets at most the limit's worth of guesses through from a burst sent at once", async () => {
    const student = await user("student");
    const results = await Promise.all(
      Array.from({ length: 3 * LIMITS.joinFailuresPerAccount.max }, () =>
        joinClass({ db: t.db(), studentId: student, code: NO_SUCH_CODE, clientAddress: address() }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "no-class").length).toBeLessThanOrEqual(
      LIMITS.joinFailuresPerAccount.max,
    );
  });
});

describe("removing and keeping out", () => {
  it("keeps a removed-and-blocked student out of the class's code until the teacher lets them back", async () => {
    const teacher = await user("teacher");
    const other = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Kept" });
    await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
    expect(
      await removeStudent({
        db: t.db(),
        teacherId: teacher,
        classId: klass.id,
        studentId: student,
        block: true,
      }),
    ).toEqual({ ok: true });
    expect(await joinClass({ db: t.db(), studentId: student, code: klass.joinCode })).toEqual({
      ok: false,
      reason: "blocked",
    });
    expect(await listBlockedStudents({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual([
      expect.objectContaining({ studentId: student }),
    ]);
    // Another teacher neither sees nor lifts the block.
    expect(await listBlockedStudents({ db: t.db(), teacherId: other, classId: klass.id })).toEqual([]);
    expect(
      await unblockStudent({ db: t.db(), teacherId: other, classId: klass.id, studentId: student }),
    ).toMatchObject({ ok: false, reason: "not-found" });
    expect(
      await unblockStudent({ db: t.db(), teacherId: teacher, classId: klass.id, studentId: student }),
    ).toEqual({ ok: true });
    expect(await joinClass({ db: t.db(), studentId: student, code: klass.joinCode })).toMatchObject({
      ok: true,
    });
  });

  it("lets a student removed without blocking join again, as before", async () => {
    const teacher = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Open door" });
    await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
    await removeStudent({ db: t.db(), teacherId: teacher, classId: klass.id, studentId: student });
    expect(await joinClass({ db: t.db(), studentId: student, code: klass.joinCode })).toMatchObject({
      ok: true,
    });
  });

  it("blocks nobody when another teacher tries to remove a student", async () => {
    const teacher = await user("teacher");
    const other = await user("teacher");
    const student = await user("student");
    const klass = await createClass({ db: t.db(), teacherId: teacher, name: "Mine" });
    await joinClass({ db: t.db(), studentId: student, code: klass.joinCode });
    expect(
      await removeStudent({
        db: t.db(),
        teacherId: other,
        classId: klass.id,
        studentId: student,
        block: true,
      }),
    ).toMatchObject({ ok: false, reason: "not-found" });
    expect(await listBlockedStudents({ db: t.db(), teacherId: teacher, classId: klass.id })).toEqual([]);
  });
});

describe("class creation", () => {
  it(`limits a teacher to ${LIMITS.classesPerTeacher.max} new classes an hour`, async () => {
    const teacher = await user("teacher");
    for (let i = 0; i < LIMITS.classesPerTeacher.max; i++)
      expect(await createClassLimited({ db: t.db(), teacherId: teacher, name: `Class ${i}` })).toMatchObject({
        ok: true,
      });
    expect(await createClassLimited({ db: t.db(), teacherId: teacher, name: "One too many" })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(
      await createClassLimited({ db: t.db(), teacherId: await user("teacher"), name: "Fine" }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("rate limits", () => {
  it("refuses an event when any one of its limits is full (a limit over everyone stops every address)", async () => {
    const bucket = `test-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const overall = { bucket: `${bucket}:all`, windowMs: 60_000, max: 3 };
    const perKey = { bucket: `${bucket}:key`, windowMs: 60_000, max: 100 };
    const once = (key: string) =>
      claim({
        db: t.db(),
        limits: [
          { limit: perKey, key },
          { limit: overall, key: "all" },
        ],
      });
    for (let i = 0; i < 3; i++) expect(await once(`address-${i}`)).toMatchObject({ limited: false });
    expect(await once("address-new")).toMatchObject({ limited: true });
  });
});
