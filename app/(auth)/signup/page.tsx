import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an organization" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create your organization</h1>
      <p className="mt-1 text-sm text-slate-500">
        You will be its owner. We email you a link to confirm your address first.
      </p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-600 hover:text-brand-700">
          Sign in
        </Link>
      </p>
    </>
  );
}
