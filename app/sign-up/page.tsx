import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/_lib/auth";
import { SignUpForm } from "@/components/sign-up-form";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams?: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props = {}) {
  // Where to go once the account exists: an invite link (/join?code=…) survives signing up.
  const callbackUrl = safeCallbackPath((await searchParams)?.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Create an account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-stone-700">
        Already have an account?{" "}
        <Link
          href={callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-brand-700 underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
