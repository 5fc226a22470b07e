/**
 * Accounts after the fact (issue #12): a teacher resets a student's password
 * (a one-time temporary password, every session ended, a new password chosen
 * before anything else), and everyone changes their own name and email (an
 * email change re-checks the password, through the sign-in limits).
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions, signInFailures, users } from "@/db/schema";
import { THROTTLE } from "@/lib/auth/throttle";
import { createClass, joinClass } from "@/lib/classes/queries";
import { deleteClass } from "@/lib/classes/manage";
import { authenticate, createUser } from "@/lib/users/accounts";
import {
  getStudentForReset,
  resetStudentPassword,
  setPasswordAfterReset,
  temporaryPassword,
} from "@/lib/users/password-reset";
import { getAccountDetails, updateProfile } from "@/lib/users/profile";
import { createSession, userOfSession } from "@/lib/users/sessions";
import JoinPage from "@/app/join/page";
import HomePage from "@/app/page";
import ArticlePage from "@/app/articles/[slug]/page";
import NewPasswordPage from "@/app/account/new-password/page";
import { setNewPasswordAction, updateProfileAction } from "@/app/account/actions";
import { resetStudentPasswordAction } from "@/app/teacher/classes/actions";
import { FAST_HASH, setupTestDatabase, uniqueEmail } from "../support/db";
import { form, outcome, page, session } from "../support/app-harness";

const t = setupTestDatabase();

async function makeUser(role: "teacher" | "student", password = "a good password") {
  const result = await createUser({
    db: t.db(),
    name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
    email: uniqueEmail(role),
    password,
    role,
    hashParams: FAST_HASH,
  });
  if (!result.ok) throw new Error("user");
  return { ...result.user, password };
}

/** A teacher with a class and one student in it. */
async function classroom() {
  const teacher = await makeUser("teacher");
  const student = await makeUser("student");
  const klass = await createClass({ db: t.db(), teacherId: teacher.id, name: "Period 1" });
  await joinClass({ db: t.db(), studentId: student.id, code: klass.joinCode });
  return { teacher, student, klass };
}

let addresses = 0;
const address = () => `203.0.113.${++addresses}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

const signIn = (email: string, password: string) =>
  authenticate({ db: t.db(), email, password, clientAddress: address() });

describe("a teacher resets a student's password", () => {
  it("makes temporary passwords that are readable and never the same", () => {
    const made = new Set(Array.from({ length: 200 }, temporaryPassword));
    expect(made.size).toBe(200);
    for (const p of made) expect(p).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect([...made].join("")).not.toMatch(/[01lio5s8b2z]/);
  });

  it("replaces the password with a temporary one, ends every session and records who did it", async () => {
    const { teacher, student } = await classroom();
    const signedIn = await createSession({
      db: t.db(),
      userId: student.id,
      userAgent: "",
      clientAddress: "",
    });
    expect(await userOfSession({ db: t.db(), sessionId: signedIn, userId: student.id })).toBeDefined();
    const reset = await resetStudentPassword({
      db: t.db(),
      teacherId: teacher.id,
      studentId: student.id,
      hashParams: FAST_HASH,
    });
    if (!reset.ok) throw new Error(reset.reason);
    expect(reset.studentName).toBe(student.name);
    expect(await signIn(student.email, student.password)).toEqual({ ok: false, reason: "invalid" });
    const withTemporary = await signIn(student.email, reset.temporaryPassword);
    expect(withTemporary).toMatchObject({ ok: true, user: { id: student.id, mustChangePassword: true } });
    const [after] = await t.db().select().from(users).where(eq(users.id, student.id));
    expect(await userOfSession({ db: t.db(), sessionId: signedIn, userId: student.id })).toBeUndefined();
    expect(await t.db().select().from(sessions).where(eq(sessions.userId, student.id))).toEqual([]);
    expect(after!.passwordResetBy).toBe(teacher.id);
    const details = await getAccountDetails({ db: t.db(), userId: student.id });
    expect(details).toMatchObject({ resetByName: teacher.name });
    expect(details!.passwordResetAt).toBeInstanceOf(Date);
  });

  it("lets a student locked out by wrong guesses sign in with the temporary password", async () => {
    const { teacher, student } = await classroom();
    // The classroom's shared address, and someone else's.
    const school = address();
    const elsewhere = address();
    const tryFrom = (clientAddress: string, password: string) =>
      authenticate({ db: t.db(), email: student.email, password, clientAddress });
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) await tryFrom(school, "wrong guess");
    await tryFrom(elsewhere, "another guess");
    expect(await tryFrom(school, student.password)).toMatchObject({ ok: false, reason: "throttled" });
    const reset = await resetStudentPassword({
      db: t.db(),
      teacherId: teacher.id,
      studentId: student.id,
      hashParams: FAST_HASH,
    });
    if (!reset.ok) throw new Error(reset.reason);
    // Guesses at a password that no longer exists, from anywhere, count for nothing now.
    expect(
      await t
        .db()
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.emailKey, student.email.toLowerCase())),
    ).toEqual([]);
    expect((await tryFrom(school, reset.temporaryPassword)).ok).toBe(true);
  });

  it("resets once for a form posted twice: the temporary password handed over keeps working", async () => {
    const { teacher, student, klass } = await classroom();
    session.user = { id: teacher.id, name: teacher.name, email: teacher.email, role: "teacher" };
    try {
      const seen = await getStudentForReset({
        db: t.db(),
        teacherId: teacher.id,
        classId: klass.id,
        studentId: student.id,
      });
      expect(seen).toMatchObject({ id: student.id, passwordResetAt: null });
      const posted = form({ classId: klass.id, studentId: student.id, seenResetAt: "" });
      const first = await resetStudentPasswordAction({ status: "idle" }, posted);
      expect(first).toMatchObject({ status: "success", values: { temporaryPassword: expect.any(String) } });
      const again = await resetStudentPasswordAction({ status: "idle" }, posted);
      expect(again).toMatchObject({ status: "error", reason: "already-reset" });
      const temporary = first.status === "success" ? first.values!.temporaryPassword! : "";
      expect(JSON.stringify(again)).not.toContain("temporaryPassword");
      expect((await signIn(student.email, temporary)).ok).toBe(true);
      // A fresh page knows the reset, and resetting from it makes a new password.
      const fresh = await getStudentForReset({
        db: t.db(),
        teacherId: teacher.id,
        classId: klass.id,
        studentId: student.id,
      });
      const next = await resetStudentPasswordAction(
        { status: "idle" },
        form({
          classId: klass.id,
          studentId: student.id,
          seenResetAt: fresh!.passwordResetAt!.toISOString(),
        }),
      );
      expect(next).toMatchObject({ status: "success" });
      expect((await signIn(student.email, temporary)).ok).toBe(false);
    } finally {
      session.user = null;
    }
  });

  it("finds nothing for another teacher's student, a teacher, the teacher themself, or a deleted class's student", async () => {
    const { teacher, student, klass } = await classroom();
    const other = await makeUser("teacher");
    const colleague = await makeUser("teacher");
    const reset = (teacherId: string, studentId: string) =>
      resetStudentPassword({ db: t.db(), teacherId, studentId, hashParams: FAST_HASH });
    expect(await reset(other.id, student.id)).toEqual({ ok: false, reason: "not-found" });
    expect(await reset(teacher.id, colleague.id)).toEqual({ ok: false, reason: "not-found" });
    expect(await reset(teacher.id, teacher.id)).toEqual({ ok: false, reason: "not-found" });
    await deleteClass({ db: t.db(), teacherId: teacher.id, classId: klass.id, confirmed: true });
    expect(await reset(teacher.id, student.id)).toEqual({ ok: false, reason: "not-found" });
    // The student's password still works: nothing was reset.
    expect((await signIn(student.email, student.password)).ok).toBe(true);
  });

  it("sends the student to choose a new password before any page or action, and then to sign in", async () => {
    const { teacher, student } = await classroom();
    const reset = await resetStudentPassword({
      db: t.db(),
      teacherId: teacher.id,
      studentId: student.id,
      hashParams: FAST_HASH,
    });
    if (!reset.ok) throw new Error(reset.reason);
    session.user = { id: student.id, name: student.name, email: student.email, role: "student" };
    try {
      expect(await outcome(() => JoinPage(page()))).toBe("redirect /account/new-password");
      // Pages anyone may read show a signed-in student their own work: not before the new password.
      expect(await outcome(() => HomePage())).toBe("redirect /account/new-password");
      expect(await outcome(() => ArticlePage(page({ slug: "any-article" })))).toBe(
        "redirect /account/new-password",
      );
      expect(
        await outcome(() =>
          updateProfileAction({ status: "idle" }, form({ name: "Changed", email: student.email })),
        ),
      ).toBe("redirect /account/new-password");
      expect(await outcome(() => NewPasswordPage())).toBe("ok");
      // Not the temporary password, and both fields the same.
      const same = await setNewPasswordAction(
        { status: "idle" },
        form({ newPassword: reset.temporaryPassword, confirmPassword: reset.temporaryPassword }),
      );
      expect(same).toMatchObject({
        status: "error",
        fieldErrors: { newPassword: [expect.stringMatching(/not the temporary/)] },
      });
      expect(JSON.stringify(same)).not.toContain(reset.temporaryPassword);
      expect(
        await outcome(() =>
          setNewPasswordAction(
            { status: "idle" },
            form({ newPassword: "my own password", confirmPassword: "my own password" }),
          ),
        ),
      ).toBe("sign-in");
    } finally {
      session.user = null;
    }
    expect(await signIn(student.email, "my own password")).toMatchObject({
      ok: true,
      user: { mustChangePassword: false },
    });
    expect((await signIn(student.email, reset.temporaryPassword)).ok).toBe(false);
  });

  it("refuses a new password when no reset is pending", async () => {
    const student = await makeUser("student");
    expect(
      await setPasswordAfterReset({
        db: t.db(),
        userId: student.id,
        newPassword: "something else",
        hashParams: FAST_HASH,
      }),
    ).toEqual({ ok: false, reason: "not-pending" });
    expect((await signIn(student.email, student.password)).ok).toBe(true);
  });
});

describe("changing one's own name and email", () => {
  const change = (
    user: { id: string },
    fields: { name: string; email: string; currentPassword?: string },
    from = address(),
  ) => updateProfile({ db: t.db(), userId: user.id, currentPassword: "", ...fields, clientAddress: from });

  it("changes the name without a password", async () => {
    const user = await makeUser("student");
    expect(await change(user, { name: "New Name", email: user.email })).toEqual({
      ok: true,
      emailChanged: false,
    });
    const [row] = await t.db().select().from(users).where(eq(users.id, user.id));
    expect(row!.name).toBe("New Name");
  });

  it("changes the email only with the right current password, and signs in with the new one", async () => {
    const user = await makeUser("teacher");
    const email = uniqueEmail("moved");
    expect(await change(user, { name: user.name, email })).toMatchObject({
      ok: false,
      reason: "wrong-password",
      fieldErrors: { currentPassword: ["Enter your current password to change your email."] },
    });
    expect(await change(user, { name: user.name, email, currentPassword: "not it" })).toMatchObject({
      ok: false,
      reason: "wrong-password",
    });
    const [unchanged] = await t.db().select().from(users).where(eq(users.id, user.id));
    expect(unchanged!.email).toBe(user.email);
    expect(await change(user, { name: user.name, email, currentPassword: user.password })).toEqual({
      ok: true,
      emailChanged: true,
    });
    expect((await signIn(email, user.password)).ok).toBe(true);
    expect((await signIn(user.email, user.password)).ok).toBe(false);
  });

  it("allows a change of case alone without the password", async () => {
    const user = await makeUser("student");
    expect(await change(user, { name: user.name, email: user.email.toUpperCase() })).toEqual({
      ok: true,
      emailChanged: false,
    });
  });

  it("keeps emails unique whatever their case", async () => {
    const user = await makeUser("student");
    const other = await makeUser("student");
    expect(
      await change(user, {
        name: user.name,
        email: other.email.toUpperCase(),
        currentPassword: user.password,
      }),
    ).toEqual({
      ok: false,
      reason: "email-taken",
      fieldErrors: { email: ["Another account already uses this email."] },
    });
    const [row] = await t.db().select().from(users).where(eq(users.id, user.id));
    expect(row!.email).toBe(user.email);
  });

  it(`counts password checks as sign-in attempts: after ${THROTTLE.perAccount} wrong ones it stops checking`, async () => {
    const user = await makeUser("student");
    const from = address();
    for (let i = 0; i < THROTTLE.perAccount; i++)
      await change(user, { name: user.name, email: uniqueEmail("x"), currentPassword: "wrong" }, from);
    const throttled = await change(
      user,
      { name: user.name, email: uniqueEmail("x"), currentPassword: user.password },
      from,
    );
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    // The sign-in form is held back by the same count.
    expect(
      await authenticate({ db: t.db(), email: user.email, password: user.password, clientAddress: from }),
    ).toMatchObject({ ok: false, reason: "throttled" });
  });
});
