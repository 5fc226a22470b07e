import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NEW_PASSWORD_PAGE, requireUser } from "@/app/_lib/auth";
import { NewPasswordForm } from "@/components/new-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** After a teacher reset the password: the one page open until a new one is chosen. */
export default async function NewPasswordPage() {
  const user = await requireUser(NEW_PASSWORD_PAGE, { duringPasswordReset: true });
  if (!user.mustChangePassword) redirect("/account");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="text-stone-700">
        Your teacher reset your password and gave you a temporary one. Choose a password of your own to go on;
        then sign in with it.
      </p>
      <NewPasswordForm />
    </div>
  );
}
