/**
 * Spanish syntax-error messages for Chevrotain. Token names are shown as policy staff write
 * them («caso», «:», un nombre), never as internal token type names.
 */
import type { IParserErrorMessageProvider, TokenType, IToken } from 'chevrotain';
import { keywordInfo } from './tokens.ts';

const friendly = new Map<string, string>([
  ['Identifier', 'un nombre'],
  ['NumberLiteral', 'un número'],
  ['DateLiteral', 'una fecha (AAAA-MM-DD)'],
  ['StringLiteral', 'un texto entre comillas'],
  ['QuoteLiteral', 'una cita entre «»'],
  ['EOF', 'el final del fichero'],
]);
for (const k of keywordInfo) friendly.set(k.token.name, `«${k.canonical}»`);

export function describeTokenType(t: TokenType): string {
  return friendly.get(t.name) ?? (typeof t.LABEL === 'string' ? t.LABEL : t.name);
}

export function describeToken(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'el final del fichero';
  return `«${token.image}»`;
}

const ruleNames: Record<string, string> = {
  file: 'el fichero',
  topLevel: 'una declaración',
  resolution: 'la cabecera «resolución»',
  headerField: 'un campo de la cabecera',
  enumDecl: 'la enumeración',
  recordDecl: 'el registro',
  fieldDecl: 'un campo',
  inputDecl: 'la entrada',
  typeRef: 'un tipo',
  baseType: 'un tipo',
  definition: 'la definición',
  caseClause: 'el caso',
  otherwiseClause: '«en otro caso»',
  caseValue: 'el valor del caso',
  citation: 'la cita',
  norm: 'la norma',
  procedure: 'el procedimiento',
  step: 'el paso',
  stepAttribute: 'un atributo del paso',
  testCase: 'la prueba',
  assignment: 'un dato de la prueba',
  expectation: 'un resultado esperado',
  expression: 'una expresión',
  primary: 'una expresión',
  andExpr: 'una expresión',
  notExpr: 'una expresión',
  comparison: 'una expresión',
  additive: 'una expresión',
  multiplicative: 'una expresión',
  unary: 'una expresión',
  postfix: 'una expresión',
  nameOrCall: 'una expresión',
  quantifier: '«todos», «alguno» o «cuántos»',
  numberLiteral: 'un número',
  conditional: 'una condicional «si … entonces … si no …»',
  recordLiteral: 'un registro',
  setLiteral: 'un conjunto',
  listLiteral: 'una lista',
  overrides: '«prevalece sobre»',
  params: 'los parámetros',
  param: 'un parámetro',
  importDecl: '«importar»',
  enumVariant: 'un valor de la enumeración',
  testsHeader: '«pruebas»',
  path: 'un nombre',
};

function listAlternatives(paths: TokenType[][][]): string {
  const firsts = new Set<string>();
  for (const alternative of paths) for (const path of alternative) if (path[0]) firsts.add(describeTokenType(path[0]));
  const items = [...firsts];
  if (items.length <= 1) return items[0] ?? 'otra cosa';
  return `${items.slice(0, -1).join(', ')} o ${items[items.length - 1]}`;
}

export const spanishMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `Se esperaba ${describeTokenType(expected)} y se encontró ${describeToken(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Sobra ${describeToken(firstRedundant)}: aquí debería empezar una declaración (definición, norma, entrada…).`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const where = ruleNames[ruleName] ?? ruleName;
    return `En ${where} se esperaba ${listAlternatives(expectedPathsPerAlt)} y se encontró ${describeToken(actual[0]!)}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const where = ruleNames[ruleName] ?? ruleName;
    return `En ${where} se esperaba al menos ${listAlternatives([expectedIterationPaths])} y se encontró ${describeToken(actual[0]!)}.`;
  },
};
