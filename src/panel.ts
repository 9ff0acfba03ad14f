/**
 * The issue panel's and the glance's own Forge function (`panel.handler` in manifest.yml): only
 * what the panel calls, so its bundle carries no JQL parser and no exporters, and an invocation
 * after idle loads a fraction of the app (`npm run bench:cold`).
 */
import type { Handlers } from '@forge/resolver';
import type { LearnedBeforeDefs, PanelDefs } from './contract/resolvers';
import { forgeFunctionOf } from './resolvers/dispatch';
import { learnedBeforeHandlers } from './resolvers/learned-before-resolvers';
import { panelHandlers } from './resolvers/panel-resolvers';

type PanelFunctionDefs = PanelDefs & LearnedBeforeDefs;

const handlers: Handlers<PanelFunctionDefs> = { ...panelHandlers, ...learnedBeforeHandlers };

/** The keys the panel's function serves. */
export const panelResolverKeys = Object.keys(handlers) as Array<keyof PanelFunctionDefs>;

export const handler = forgeFunctionOf<PanelFunctionDefs>(handlers);
