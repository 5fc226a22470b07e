import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/auth";
import { ChangePasswordForm } from "@/components/change-password-form";
import { ProfileForm } from "@/components/profile-form";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { getDb } from "@/db";
import { formatDateTime } from "@/lib/format";
import { getAccountDetails } from "@/lib/users/profile";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [details, timeZone] = await Promise.all([
    getAccountDetails({ db: await getDb(), userId: user.id }),
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
        {details?.passwordResetAt && (
          <p className="text-sm text-stone-700">
            {details.resetByName ? `Your teacher ${details.resetByName}` : "A teacher"} reset your password on{" "}
            {formatDateTime(details.passwordResetAt, timeZone)}.
          </p>
        )}
      </section>
      <section aria-labelledby="details-heading" className="space-y-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          Your name and email
        </h2>
        <p className="text-sm text-stone-700">
          Your email is how you sign in: changing it asks for your password.
        </p>
        <ProfileForm name={details?.name ?? user.name} email={details?.email ?? user.email} />
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
          Sessions
        </h2>
        <p className="text-sm text-stone-700">
          Signed in on a shared or lost device? End every session of this account, this one included.
        </p>
        <form action={signOutEverywhereAction}>
          <button
            type="submit"
            className="rounded-md border border-red-300 px-4 py-2 font-medium text-red-800 hover:bg-red-50"
          >
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
