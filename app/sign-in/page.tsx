import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/_lib/auth";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { PageNotice } from "@/components/notice";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <PageNotice query={params} className="mb-4" />
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={signInErrorMessage(error)}
        initialEmail={typeof params.email === "string" ? params.email.slice(0, 254) : ""}
      />
      <p className="mt-6 text-sm text-stone-700">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
