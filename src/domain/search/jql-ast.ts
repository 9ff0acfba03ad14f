/**
 * Atlassian's JQL parser and printer (`@atlaskit/jql-ast`, with ANTLR under it), loaded on first
 * use. Evaluating it takes most of the backend's cold start (`npm run bench:cold`), and an
 * invocation that builds no JQL (opening or saving the issue panel) should not pay for it.
 */
import type * as JqlAstModule from '@atlaskit/jql-ast';
import type * as JqlParserModule from '@atlaskit/jql-parser';

/** Node's and the bundler's `require`; declared here because the UI's type check (which reads src/domain) has no Node types. */
declare const require: (id: string) => unknown;

let loaded: typeof JqlAstModule | undefined;
let loadedParser: typeof JqlParserModule | undefined;

export function jqlAst(): typeof JqlAstModule {
  // A top-level import would evaluate the parser on every cold start; require defers it to here.
  loaded ??= require('@atlaskit/jql-ast') as typeof JqlAstModule;
  return loaded;
}

/** The grammar's token types (`JQLParser`), loaded on first use like the AST. */
export function jqlParser(): typeof JqlParserModule {
  loadedParser ??= require('@atlaskit/jql-parser') as typeof JqlParserModule;
  return loadedParser;
}
