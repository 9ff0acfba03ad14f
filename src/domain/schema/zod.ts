/**
 * zod for the backend, in its tree-shakable form (`zod/mini`): the classic `z` keeps every
 * method and all 40 locales in the bundle (≈ 440 KB minified), which every invocation loads
 * on a cold start. English messages are configured once here, as classic zod does on load.
 * Import it as a namespace (`import * as z`) and only read its members, so bundlers keep
 * just what is used.
 */
import { config } from 'zod/mini';
// The CommonJS build, as the backend is compiled (one copy of zod's core in the bundle).
import en from 'zod/v4/locales/en.cjs';

config(en());

export * from 'zod/mini';
