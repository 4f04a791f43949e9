import "server-only";
import { env } from "@/lib/server/env";
import { demoServiceLinks } from "./page-state";

/** The local fakes' pages `npm start` announced (none in production: the variables are unset). */
export const localDemoServices = () => demoServiceLinks(env());
