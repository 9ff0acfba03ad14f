/**
 * A JQL syntax error in words: where it is (line and column), what is wrong,
 * and the fix Jira suggests. Read from Atlassian's grammar (@atlaskit/jql-parser,
 * through @atlaskit/jql-ast's builder): the offending token's type and the
 * tokens the parser expected there, never the parser's English message. One
 * helper for every place a person types JQL (the macro's config, the retro's
 * custom search). Pure.
 */
import { jqlAst, jqlParser } from './jql-ast';

/** The grammar's token types, read when a problem is described (the parser loads on first use). */
const tokens = () => jqlParser().JQLParser;

export interface JqlProblem {
  /** A sentence a person can act on, naming the place. */
  message: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
}

/** The few parts of antlr4ts' recognizer and token the listener reads (antlr4ts is jql-ast's dependency, not ours). */
interface TokenLike {
  type: number;
  text?: string;
}
interface ParserLike {
  getExpectedTokens(): { toArray(): number[] };
}

const EOF = -1;
/**
 * Functions, not constants: the UI bundles import this module's neighbours, and a top-level use of
 * JQLParser would keep antlr4ts (which needs Node's `util`) in them.
 */
const operators = () => [
  tokens().EQUALS,
  tokens().NOT_EQUALS,
  tokens().LIKE,
  tokens().NOT_LIKE,
  tokens().LT,
  tokens().GT,
  tokens().LTEQ,
  tokens().GTEQ,
  tokens().IN,
  tokens().IS,
];
const values = () => [tokens().STRING, tokens().QUOTE_STRING, tokens().SQUOTE_STRING, tokens().POSNUMBER, tokens().NEGNUMBER];

/** What the parser wanted at that point, in words. */
function expectation(expected: ReadonlySet<number>): string {
  const has = (types: number[]) => types.some((type) => expected.has(type));
  if (has(operators())) return 'an operator such as =, !=, ~ or IN';
  if (has([tokens().NOT, tokens().BANG])) return 'a condition such as project = ABC';
  if (has(values())) return 'a value (put text with spaces in quotes)';
  if (has([tokens().RPAREN])) return 'a closing bracket “)”';
  if (has([tokens().AND, tokens().OR])) return 'AND, OR or ORDER BY';
  return 'something else';
}

function place(line: number, column: number, multiline: boolean): string {
  return multiline ? `line ${line}, column ${column}` : `column ${column}`;
}

function describe(token: TokenLike, expected: ReadonlySet<number>, where: string, previous: string | null): string {
  const text = token.text ?? '';
  switch (token.type) {
    case EOF:
      return previous
        ? `The query stops after “${previous}” (${where}): add ${expectation(expected)}.`
        : `The query is empty: add ${expectation(expected)}.`;
    case tokens().RESERVED_WORD:
    case tokens().ERROR_RESERVED:
      return `“${text}” (${where}) is a word JQL reserves: to use it as a value, put it in quotes: "${text}".`;
    case tokens().UNCLOSED_QUOTE_STRING:
    case tokens().UNCLOSED_SQUOTE_STRING:
      return `The quote that opens at ${where} is never closed: add the closing quote.`;
    case tokens().INVALID_QUOTE_STRING:
    case tokens().INVALID_SQUOTE_STRING:
      return `The quoted text at ${where} has a backslash JQL does not understand: write \\\\ for a backslash, \\" for a quote.`;
    case tokens().ERRORCHAR:
      return `“${text}” (${where}) is a character JQL does not allow here: put text that contains it in quotes.`;
    default:
      return `“${text}” (${where}) is not expected here: JQL expects ${expectation(expected)}.`;
  }
}

/** Every syntax problem in a person's JQL, in words; empty when it parses. */
export function jqlProblems(jql: string): JqlProblem[] {
  const problems: JqlProblem[] = [];
  const multiline = /[\r\n]/.test(jql.trim());
  const previous = lastWord(jql);
  const listener = {
    syntaxError(recognizer: unknown, offending: TokenLike | undefined, line: number, charPositionInLine: number) {
      const parser = recognizer as ParserLike;
      const token = offending ?? { type: tokens().ERRORCHAR };
      const expected = new Set(parser.getExpectedTokens().toArray());
      const column = charPositionInLine + 1;
      const message = describe(token, expected, place(line, column, multiline), previous);
      problems.push({ message, line, column });
    },
  };
  const built = new (jqlAst().JastBuilder)().setErrorListeners([listener]).build(jql);
  if (problems.length === 0 && built.errors.length > 0) {
    // Not a syntax error at a token (the grammar gave up): still say where to look.
    problems.push({ message: 'Jira cannot read this JQL: check its brackets and quotes.', line: 1, column: 1 });
  }
  return problems.slice(0, 1);
}

/** The last word typed, for "the query stops after …". */
function lastWord(jql: string): string | null {
  const words = jql.trim().split(/\s+/);
  const last = words[words.length - 1];
  return last ? last : null;
}

/** The first syntax problem as a sentence; null when the JQL parses. */
export function jqlProblemMessage(jql: string): string | null {
  return jqlProblems(jql)[0]?.message ?? null;
}
