import Link from "next/link";
import type { Role } from "@/db/schema";
import { SignOutButton } from "./sign-out-button";

/** The signed-in person as the header shows them; the layout reads the session and passes it. */
type Viewer = { name: string; role: Role };

export function SiteHeader({ user }: { user: Viewer | null }) {
  return (
    <header role="banner" className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-800">
          NewsQuiz
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm">
          <Link href="/" className="text-stone-700 hover:text-brand-700">
            Articles
          </Link>
          {user && (
            <Link href="/progress" className="text-stone-700 hover:text-brand-700">
              Progress
            </Link>
          )}
          {user?.role === "student" && (
            <Link href="/join" className="text-stone-700 hover:text-brand-700">
              Classes
            </Link>
          )}
          {user?.role === "teacher" && (
            <Link href="/teacher" className="text-stone-700 hover:text-brand-700">
              Teacher desk
            </Link>
          )}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link href="/account" className="text-stone-700 hover:text-brand-700">
                Signed in as <span className="font-medium text-stone-900">{user.name}</span>{" "}
                <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600">{user.role}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-stone-700 hover:text-brand-700">
                Sign in
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
