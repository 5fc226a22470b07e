import { describe, expect, it } from "vitest";
import {
  createClass,
  getClassForTeacher,
  joinClass,
  listClassesForStudent,
  listClassesForTeacher,
  regenerateJoinCode,
  removeStudent,
} from "@/lib/classes/queries";
import { formatJoinCode } from "@/lib/classes/join-code";
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
