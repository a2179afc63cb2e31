/**
 * Tokens of the .neae language.
 *
 * Keywords are Spanish and accent-insensitive ("definición" and "definicion" are the same
 * keyword) because policy staff type on every kind of keyboard. Every keyword is listed in
 * `keywordTokens` with its canonical spelling: the playground builds its syntax highlighting
 * and completion from that list, so the editor cannot drift from the grammar.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// Latin letters with the accents and ñ used in Spanish (and other Romance languages).
const LETTER = 'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF';
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(`[${LETTER}][${LETTER}0-9]*`),
});

/** A keyword token with its canonical spelling (what the formatter prints). */
export interface KeywordInfo {
  readonly token: TokenType;
  readonly canonical: string;
  readonly doc: string;
}
export const keywordInfo: KeywordInfo[] = [];

function accentInsensitive(word: string): RegExp {
  const alternatives: Record<string, string> = { á: '[aá]', é: '[eé]', í: '[ií]', ó: '[oó]', ú: '[uú]' };
  const body = [...word].map((c) => alternatives[c] ?? c).join('');
  // \b-like guard: the keyword must not be followed by a letter (longer_alt handles the rest).
  return new RegExp(body);
}

function keyword(name: string, canonical: string, doc: string): TokenType {
  const token = createToken({
    name,
    pattern: accentInsensitive(canonical),
    longer_alt: Identifier,
    categories: [KeywordCategory],
  });
  keywordInfo.push({ token, canonical, doc });
  return token;
}

/** Category shared by every keyword: lets the parser accept a keyword where a name is wrong and say so. */
export const KeywordCategory = createToken({ name: 'Keyword', pattern: Lexer.NA });

// Declarations
export const Resolucion = keyword('Resolucion', 'resolución', 'Cabecera de una resolución: identidad, fechas, vigencia y texto oficial.');
export const Importar = keyword('Importar', 'importar', 'Importa el vocabulario de otro fichero .neae.');
export const Enumeracion = keyword('Enumeracion', 'enumeración', 'Declara un tipo con un conjunto cerrado de valores.');
export const Registro = keyword('Registro', 'registro', 'Declara un tipo compuesto de campos (alumno, centro, solicitud…).');
export const Entrada = keyword('Entrada', 'entrada', 'Declara un dato del caso que aporta quien consulta.');
export const Definicion = keyword('Definicion', 'definición', 'Define un valor por casos, cada caso con su cita.');
export const Norma = keyword('Norma', 'norma', 'Declara una obligación, permiso o recomendación.');
export const Procedimiento = keyword('Procedimiento', 'procedimiento', 'Declara un procedimiento: pasos ordenados con responsable, documento y plazo.');
export const Paso = keyword('Paso', 'paso', 'Un paso de un procedimiento.');
export const Pruebas = keyword('Pruebas', 'pruebas', 'Cabecera de un fichero de pruebas: el fichero de reglas que prueba.');
export const Prueba = keyword('Prueba', 'prueba', 'Un caso de prueba con datos y resultados esperados.');
// Cases and citations
export const Caso = keyword('Caso', 'caso', 'Un caso de una definición: condición, valor y cita.');
export const Si = keyword('Si', 'si', 'Condición de un caso o de una expresión condicional.');
export const Entonces = keyword('Entonces', 'entonces', 'Valor de un caso o rama de una condicional.');
export const Otro = keyword('Otro', 'otro', '«en otro caso»: lo que vale si ningún caso se aplica.');
export const Cita = keyword('Cita', 'cita', 'Lugar de la norma y cita literal del texto oficial.');
export const Prevalece = keyword('Prevalece', 'prevalece', '«prevalece sobre R…»: el caso es una excepción a otros.');
export const Sobre = keyword('Sobre', 'sobre', '«prevalece sobre R…».');
export const Indeterminado = keyword('Indeterminado', 'indeterminado', 'El texto no da respuesta: se indica el motivo.');
export const Conflicto = keyword('Conflicto', 'conflicto', 'En pruebas: se espera un conflicto entre casos.');
// Modality
export const Aplica = keyword('Aplica', 'aplica', '«aplica si …»: cuándo rige la norma.');
export const Debe = keyword('Debe', 'debe', 'Obligación: si no se cumple, la norma se incumple.');
export const Puede = keyword('Puede', 'puede', 'Permiso: lo que la norma permite.');
export const Preferentemente = keyword('Preferentemente', 'preferentemente', 'Recomendación: no seguirla es un aviso, no un incumplimiento.');
// Procedures («responsable», «documento», «plazo» and «realizado» are contextual: they stay usable as names)
export const Tras = keyword('Tras', 'tras', 'Paso que debe haberse realizado antes.');
export const Cuando = keyword('Cuando', 'cuando', 'Condición para que el paso sea exigible.');
// Tests
export const Dado = keyword('Dado', 'dado', 'Datos del caso de prueba.');
export const Espera = keyword('Espera', 'espera', 'Resultados esperados del caso de prueba.');
export const Con = keyword('Con', 'con', '«con fecha …»: fecha de evaluación del caso.');
// Expressions
export const Y = keyword('Y', 'y', 'Conjunción lógica.');
export const O = keyword('O', 'o', 'Disyunción lógica.');
export const No = keyword('No', 'no', 'Negación lógica.');
export const En = keyword('En', 'en', 'Pertenencia a un conjunto o lista.');
export const Verdadero = keyword('Verdadero', 'verdadero', 'Valor lógico verdadero.');
export const Falso = keyword('Falso', 'falso', 'Valor lógico falso.');
export const Existe = keyword('Existe', 'existe', '«existe x»: el dato opcional x se ha aportado.');
export const Todos = keyword('Todos', 'todos', '«todos(x en lista: condición)»: la condición se cumple para cada elemento.');
export const Alguno = keyword('Alguno', 'alguno', '«alguno(x en lista: condición)»: la condición se cumple para al menos un elemento.');
export const Cuantos = keyword('Cuantos', 'cuántos', '«cuántos(x en lista: condición)»: cuántos elementos cumplen la condición.');
export const Conjunto = keyword('Conjunto', 'conjunto', 'Tipo conjunto: «conjunto de Área».');
export const Lista = keyword('Lista', 'lista', 'Tipo lista: «lista de fecha».');
export const De = keyword('De', 'de', '«conjunto de T», «lista de T».');

// Literals
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:[.,]\d+)?/ });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n]|\\.)*"/ });
export const QuoteLiteral = createToken({ name: 'QuoteLiteral', pattern: /«[^»]*»/, line_breaks: true });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n]|\\.)*/ });
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /«[^»]*/, line_breaks: true });

// Punctuation and operators
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, label: '«{»' });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, label: '«}»' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '«(»' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '«)»' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '«[»' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '«]»' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '«,»' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: '«:»' });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: '«.»' });
export const Question = createToken({ name: 'Question', pattern: /\?/, label: '«?»' });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=|≤/, label: '«<=»' });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=|≥/, label: '«>=»' });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|≠|<>/, label: '«≠»' });
export const Less = createToken({ name: 'Less', pattern: /</, label: '«<»' });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: '«>»' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '«=»' });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: '«+»' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: '«-»' });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, label: '«*»' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: '«/»' });
export const Percent = createToken({ name: 'Percent', pattern: /%/, label: '«%»' });
export const Euro = createToken({ name: 'Euro', pattern: /€/, label: '«€»' });

export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u00A0]+/, group: Lexer.SKIPPED });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  KeywordCategory,
  // Keywords come before Identifier (every keyword is also a valid identifier shape), longest
  // first so that «con» does not shadow «conjunto».
  ...[...keywordInfo].sort((a, b) => b.canonical.length - a.canonical.length).map((k) => k.token),
  Identifier,
  // A date must be tried before a number: 2025-10-31 is not 2025 minus 10 minus 31.
  DateLiteral,
  NumberLiteral,
  StringLiteral,
  QuoteLiteral,
  UnterminatedString,
  UnterminatedQuote,
  LBrace, RBrace, LParen, RParen, LBracket, RBracket,
  Comma, Colon, Dot, Question,
  LessEq, GreaterEq, NotEq, Less, Greater, Equals,
  Plus, Minus, Star, Slash, Percent, Euro,
];

export const lexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'full' });

/** Attributes of a procedure step, recognised by position so the words remain free as names. */
export const stepAttributeWords: Record<string, string> = {
  responsable: 'Quién debe realizar el paso.',
  documento: 'El documento que produce el paso.',
  plazo: 'Fecha límite del paso.',
  realizado: 'Fecha en que se realizó el paso (dato del caso).',
};

/** Words that may follow a number as its unit, on the same line ("5 horas", "1 mes"). */
export const unitWords: Record<string, string> = {
  hora: 'horas', horas: 'horas',
  semana: 'semanas', semanas: 'semanas',
  mes: 'meses', meses: 'meses',
  año: 'años', años: 'años', ano: 'años', anos: 'años',
  curso: 'cursos', cursos: 'cursos',
  euros: 'euros', euro: 'euros',
  día: 'días', días: 'días', dia: 'días', dias: 'días',
};
