/**
 * zod for the backend, in its tree-shakable form (`zod/mini`): the classic `z` keeps every
 * method and all 40 locales in the bundle (≈ 440 KB minified), which every invocation loads
 * on a cold start. English messages are configured once here, as classic zod does on load.
 * Import it as a namespace (`import * as z`) and only read its members, so bundlers keep
 * just what is used.
 */
import { config } from 'zod/mini';
// Through the locales' entry point, so each bundler takes the build it takes zod/mini from (ESM for
// esbuild, CommonJS for Node and jest): naming `en.cjs` put a second copy of zod's core in the
// ESM bundle, evaluated on every cold start. zod marks its locales free of side effects, so
// bundlers keep only `en`.
import { en } from 'zod/v4/locales';

config(en());

export * from 'zod/mini';
