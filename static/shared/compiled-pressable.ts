/**
 * Stand-in for `@atlaskit/primitives/pressable`, swapped in by scripts/ui-build.ts.
 * Atlaskit's Lozenge imports that path, the Emotion build of Pressable, which Atlassian
 * marks deprecated in favour of `@atlaskit/primitives/compiled/pressable`. Lozenge renders
 * Pressable only when it is interactive (given onClick; the app never does) and passes it
 * compiled styles (`cx` from @atlaskit/css), which the compiled build takes as they are.
 * Without this, every page showing a lozenge parsed and ran Emotion's runtime and
 * Pressable's style maps (≈ 45 KB of JS, raw) before its first screen (issue #14).
 */
import { Pressable } from '@atlaskit/primitives/compiled/pressable';

export { Pressable };
export default Pressable;
