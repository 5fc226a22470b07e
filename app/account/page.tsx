import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/auth";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { ChangePasswordForm } from "@/components/change-password-form";
import { PageNotice } from "@/components/notice";
import { getDb } from "@/db";
import { formatDateTime } from "@/lib/format";
import { listSessions } from "@/lib/users/sessions";
import { endSessionAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams?: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props = {}) {
  const user = await requireUser("/account");
  const [query, sessionList, timeZone] = await Promise.all([
    searchParams ?? Promise.resolve({} as Record<string, string | string[] | undefined>),
    listSessions({ db: await getDb(), userId: user.id }),
    getViewerTimeZone(),
  ]);
  return (
    <div className="mx-auto max-w-lg space-y-10">
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-stone-600">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-stone-600">Email</dt>
          <dd>{user.email}</dd>
          <dt className="text-stone-600">Role</dt>
          <dd className="capitalize">{user.role}</dd>
        </dl>
      </section>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="text-sm text-stone-700">Changing your password signs you out on every device.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <PageNotice query={query} />
        <p className="text-sm text-stone-700">
          Signed in on a shared or lost device? End one session below, or every session of this account, this
          one included.
        </p>
        <form action={signOutEverywhereAction}>
          <button
            type="submit"
            className="rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50"
          >
            Sign out everywhere
          </button>
        </form>
        <ul className="space-y-2" aria-label="Your sessions">
          {sessionList.map((s) => {
            const current = s.id === user.sessionId;
            const label = `${s.device}${current ? " (this browser)" : ""}`;
            return (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm"
              >
                <span>
                  <span className="font-medium">{label}</span>
                  <br />
                  <span className="text-stone-700">
                    signed in {formatDateTime(s.createdAt, timeZone)} · last active{" "}
                    {formatDateTime(s.lastSeenAt, timeZone)} · from {s.clientAddress || "an unknown address"}
                  </span>
                </span>
                <form action={endSessionAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    aria-label={`Sign out ${label}, signed in ${formatDateTime(s.createdAt, timeZone)}`}
                    className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100"
                  >
                    Sign out
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
