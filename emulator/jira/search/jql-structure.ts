/** The `structure` of Jira's jql/parse answer, built from the JAST by a visitor. */
import { AbstractJastVisitor, type Clause, type Field, type Operand, type Query } from '@atlaskit/jql-ast';

type Json = Record<string, unknown>;

class StructureVisitor extends AbstractJastVisitor<Json> {
  protected defaultResult(): Json {
    return {};
  }

  visitCompoundClause = (clause: Extract<Clause, { clauseType: 'compound' }>): Json => ({
    clauses: clause.clauses.map((c) => c.accept(this)),
    operator: clause.operator.value,
  });

  visitNotClause = (clause: Extract<Clause, { clauseType: 'not' }>): Json => ({ clauses: [clause.clause.accept(this)], operator: 'not' });

  visitTerminalClause = (clause: Extract<Clause, { clauseType: 'terminal' }>): Json => {
    const out: Json = { field: fieldJson(clause.field) };
    if (clause.operator) out.operator = clause.operator.value.toLowerCase();
    if (clause.operand) out.operand = operandJson(clause.operand);
    return out;
  };
}

function fieldJson(field: Field): Json {
  const out: Json = { name: field.value };
  if (field.properties && field.properties.length > 0) {
    out.property = field.properties.map((p) => ({
      entity: 'issue',
      key: p.key ? p.key.value : '',
      path: (p.path ?? []).map((x) => x.value.replace(/^\./, '')).join('.'),
    }));
  }
  return out;
}

function operandJson(operand: Operand): Json {
  switch (operand.operandType) {
    case 'value':
      return { value: operand.value, encodedValue: operand.text };
    case 'keyword':
      return { keyword: operand.value };
    case 'function':
      return {
        function: operand.function.value,
        arguments: operand.arguments.map((a) => a.value),
        encodedOperand: `${operand.function.value}(${operand.arguments.map((a) => a.text).join(', ')})`,
      };
    case 'list':
      return { values: operand.values.map(operandJson) };
  }
}

export function structureOf(query: Query): Json {
  const out: Json = {};
  if (query.where) out.where = query.where.accept(new StructureVisitor());
  if (query.orderBy) {
    out.orderBy = {
      fields: query.orderBy.fields.map((f) => ({
        field: fieldJson(f.field),
        ...(f.direction ? { direction: f.direction.value.toLowerCase() } : {}),
      })),
    };
  }
  return out;
}
