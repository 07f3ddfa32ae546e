// What the middleware puts on Astro.locals for the routes.
declare namespace App {
  interface Locals {
    /** The signed-in console user, on /admin routes; null when signed out. */
    consoleUser?: import('#src/auth/sessions.ts').SignedIn | null;
  }
}
