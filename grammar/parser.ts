/**
 * The .neae grammar: a pure Chevrotain CstParser (no semantic actions).
 *
 * One grammar serves rule files and test files; the compiler checks which declarations a file
 * may hold. The grammar is keyword-led and needs no separators: every declaration, case and
 * attribute starts with its own keyword, which is also what error recovery re-synchronises on.
 */
import { CstParser, type IToken } from 'chevrotain';
import * as T from './tokens.ts';
import { spanishMessages } from './messages.ts';

const NUMBER_UNIT_MODIFIERS = new Set(['naturales', 'natural', 'hábiles', 'habiles', 'hábil', 'habil', 'escolares', 'escolar']);

function sameLine(previous: IToken, next: IToken): boolean {
  return previous.endLine === next.startLine;
}

export class NeaeParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: spanishMessages });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.topLevel));
  });

  private topLevel = this.RULE('topLevel', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.resolution) },
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.norm) },
      { ALT: () => this.SUBRULE(this.procedure) },
      { ALT: () => this.SUBRULE(this.testsHeader) },
      { ALT: () => this.SUBRULE(this.testCase) },
    ]);
  });

  // resolución canarias_2011 { título: "…" firma: 2011-02-09 … }
  private resolution = this.RULE('resolution', () => {
    this.CONSUME(T.Resolucion);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.headerField));
    this.CONSUME(T.RBrace);
  });

  private headerField = this.RULE('headerField', () => {
    this.CONSUME(T.Identifier, { LABEL: 'key' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  private importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Importar);
    this.CONSUME(T.StringLiteral, { LABEL: 'path' });
  });

  private enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(T.Enumeracion);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.enumVariant));
    this.CONSUME(T.RBrace);
  });

  private enumVariant = this.RULE('enumVariant', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
  });

  private recordDecl = this.RULE('recordDecl', () => {
    this.CONSUME(T.Registro);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.fieldDecl));
    this.CONSUME(T.RBrace);
  });

  private fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
  });

  private inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Entrada);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
  });

  // conjunto de Área | lista de fecha | horas | Alumno, optionally followed by «?», which makes
  // the whole type optional («conjunto de Área?» is an optional set, not a set of optionals).
  private typeRef = this.RULE('typeRef', () => {
    this.SUBRULE(this.baseType);
    this.OPTION(() => this.CONSUME(T.Question, { LABEL: 'optional' }));
  });

  private baseType = this.RULE('baseType', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Conjunto, { LABEL: 'set' });
          this.CONSUME(T.De);
          this.SUBRULE(this.baseType, { LABEL: 'element' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Lista, { LABEL: 'list' });
          this.CONSUME2(T.De);
          this.SUBRULE2(this.baseType, { LABEL: 'element' });
        },
      },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) },
    ]);
  });

  // definición nombre(p: T): T "doc"  (= expr cita … | caso … caso … en otro caso …)
  private definition = this.RULE('definition', () => {
    this.CONSUME(T.Definicion);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.params));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION2(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Equals);
          this.SUBRULE(this.expression, { LABEL: 'body' });
          this.OPTION3(() => this.SUBRULE(this.citation));
        },
      },
      {
        ALT: () => {
          // At least a case or «en otro caso»: checked by the compiler, with a clearer message.
          this.MANY(() => this.SUBRULE(this.caseClause));
          this.OPTION4(() => this.SUBRULE(this.otherwiseClause));
        },
      },
    ]);
  });

  private params = this.RULE('params', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.param) });
    this.CONSUME(T.RParen);
  });

  private param = this.RULE('param', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  // caso R38 si cond entonces valor [prevalece sobre R29, R30] cita "lugar" «texto»
  private caseClause = this.RULE('caseClause', () => {
    this.CONSUME(T.Caso);
    this.CONSUME(T.Identifier, { LABEL: 'id' });
    this.CONSUME(T.Si);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(T.Entonces);
    this.SUBRULE(this.caseValue);
    this.OPTION(() => this.SUBRULE(this.overrides));
    this.OPTION2(() => this.SUBRULE(this.citation));
  });

  private overrides = this.RULE('overrides', () => {
    this.CONSUME(T.Prevalece);
    this.CONSUME(T.Sobre);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier, { LABEL: 'target' }) });
  });

  private otherwiseClause = this.RULE('otherwiseClause', () => {
    this.CONSUME(T.En);
    this.CONSUME(T.Otro);
    this.CONSUME(T.Caso);
    this.SUBRULE(this.caseValue);
    this.OPTION(() => this.SUBRULE(this.citation));
  });

  private caseValue = this.RULE('caseValue', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Indeterminado);
          this.CONSUME(T.StringLiteral, { LABEL: 'reason' });
        },
      },
      { ALT: () => this.SUBRULE(this.expression, { LABEL: 'value' }) },
    ]);
  });

  private citation = this.RULE('citation', () => {
    this.CONSUME(T.Cita);
    this.CONSUME(T.StringLiteral, { LABEL: 'place' });
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.QuoteLiteral, { LABEL: 'quote' }) },
        { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: 'quote' }) },
      ]),
    );
  });

  // norma R29 plazo_anual "doc" aplica si c debe|puede|preferentemente e [prevalece sobre …] cita …
  private norm = this.RULE('norm', () => {
    this.CONSUME(T.Norma);
    this.CONSUME(T.Identifier, { LABEL: 'id' });
    this.CONSUME2(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.OPTION2(() => {
      this.CONSUME(T.Aplica);
      this.CONSUME(T.Si);
      this.SUBRULE(this.expression, { LABEL: 'applies' });
    });
    this.OR([
      { ALT: () => this.CONSUME(T.Debe, { LABEL: 'modality' }) },
      { ALT: () => this.CONSUME(T.Puede, { LABEL: 'modality' }) },
      { ALT: () => this.CONSUME(T.Preferentemente, { LABEL: 'modality' }) },
    ]);
    this.SUBRULE2(this.expression, { LABEL: 'requirement' });
    this.OPTION3(() => this.SUBRULE(this.overrides));
    this.OPTION4(() => this.SUBRULE(this.citation));
  });

  private procedure = this.RULE('procedure', () => {
    this.CONSUME(T.Procedimiento);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.MANY(() => this.SUBRULE(this.step));
  });

  // paso R35 reunión_inicial "doc" responsable … documento "…" plazo … realizado … tras … cuando … cita …
  private step = this.RULE('step', () => {
    this.CONSUME(T.Paso);
    this.CONSUME(T.Identifier, { LABEL: 'id' });
    this.CONSUME2(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'doc' }));
    this.MANY(() => this.SUBRULE(this.stepAttribute));
  });

  private stepAttribute = this.RULE('stepAttribute', () => {
    this.OR([
      {
        GATE: () => this.LA(1).image.toLowerCase() in T.stepAttributeWords,
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: 'attribute' });
          this.SUBRULE(this.expression, { LABEL: 'value' });
        },
      },
      { ALT: () => { this.CONSUME(T.Cuando); this.SUBRULE2(this.expression, { LABEL: 'when' }); } },
      {
        ALT: () => {
          this.CONSUME(T.Tras);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'after' }) });
        },
      },
      { ALT: () => this.SUBRULE(this.citation) },
    ]);
  });

  private testsHeader = this.RULE('testsHeader', () => {
    this.CONSUME(T.Pruebas);
    this.CONSUME(T.StringLiteral, { LABEL: 'path' });
  });

  // prueba "ID" "descripción" con fecha 2025-10-01 dado a = 1 … espera b = 2 …
  private testCase = this.RULE('testCase', () => {
    this.CONSUME(T.Prueba);
    this.CONSUME(T.StringLiteral, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME2(T.StringLiteral, { LABEL: 'doc' }));
    this.OPTION2(() => {
      this.CONSUME(T.Con);
      this.CONSUME(T.Identifier, { LABEL: 'dateWord' });
      this.CONSUME(T.DateLiteral, { LABEL: 'date' });
    });
    this.CONSUME(T.Dado);
    this.MANY(() => this.SUBRULE(this.assignment, { LABEL: 'given' }));
    this.CONSUME(T.Espera);
    this.MANY2(() => this.SUBRULE2(this.expectation, { LABEL: 'expected' }));
  });

  private assignment = this.RULE('assignment', () => {
    this.SUBRULE(this.path);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  // A parameterised definition may be checked on given arguments: `nivel(EP, 3) = 5`.
  private expectation = this.RULE('expectation', () => {
    this.SUBRULE(this.path);
    this.OPTION2(() => {
      this.CONSUME(T.LParen, { LABEL: 'call' });
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.expression, { LABEL: 'arg' }) });
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.Equals);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Indeterminado);
          this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'reason' }));
        },
      },
      { ALT: () => this.CONSUME(T.Conflicto) },
      { ALT: () => this.SUBRULE(this.expression, { LABEL: 'value' }) },
    ]);
  });

  private path = this.RULE('path', () => {
    this.CONSUME(T.Identifier, { LABEL: 'segment' });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier, { LABEL: 'segment' });
    });
  });

  // ---- Expressions, loosest first ----
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.O);
      this.SUBRULE2(this.andExpr, { LABEL: 'operand' });
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(T.Y);
      this.SUBRULE2(this.notExpr, { LABEL: 'operand' });
    });
  });

  private notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.No);
          this.SUBRULE(this.notExpr, { LABEL: 'negated' });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: 'comparison' }) },
    ]);
  });

  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Equals, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.LessEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.Less, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.Greater, { LABEL: 'op' }) },
              { ALT: () => this.CONSUME(T.En, { LABEL: 'op' }) },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.No, { LABEL: 'notIn' });
            this.CONSUME2(T.En, { LABEL: 'op' });
          },
        },
      ]);
      this.SUBRULE2(this.additive, { LABEL: 'right' });
    });
  });

  private additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operand' });
    });
  });

  private multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Slash, { LABEL: 'op' }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: 'operand' });
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus, { LABEL: 'minus' });
          this.SUBRULE(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.postfix, { LABEL: 'postfix' }) },
    ]);
  });

  private postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME(T.Identifier, { LABEL: 'field' });
    });
  });

  private primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.numberLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'string' }) },
      { ALT: () => this.CONSUME(T.Verdadero, { LABEL: 'true' }) },
      { ALT: () => this.CONSUME(T.Falso, { LABEL: 'false' }) },
      { ALT: () => this.SUBRULE(this.conditional) },
      {
        ALT: () => {
          this.CONSUME(T.Existe, { LABEL: 'exists' });
          this.SUBRULE(this.postfix, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.quantifier) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression, { LABEL: 'inner' });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.recordLiteral) },
      { ALT: () => this.SUBRULE(this.setLiteral) },
      { ALT: () => this.SUBRULE(this.listLiteral) },
    ]);
  });

  // 5 | 5 horas | 15 días naturales | 3 cursos escolares | 50 % | 120.50 €
  private numberLiteral = this.RULE('numberLiteral', () => {
    const number = this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
    this.OPTION({
      GATE: () => sameLine(number, this.LA(1)) && (this.LA(1).tokenType === T.Percent || this.LA(1).tokenType === T.Euro),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(T.Percent, { LABEL: 'unit' }) },
          { ALT: () => this.CONSUME(T.Euro, { LABEL: 'unit' }) },
        ]),
    });
    this.OPTION2({
      GATE: () => {
        const next = this.LA(1);
        return next.tokenType === T.Identifier && sameLine(number, next) && next.image.toLowerCase() in T.unitWords;
      },
      DEF: () => {
        const unit = this.CONSUME(T.Identifier, { LABEL: 'unit' });
        this.OPTION3({
          GATE: () => {
            const next = this.LA(1);
            return next.tokenType === T.Identifier && sameLine(unit, next) && NUMBER_UNIT_MODIFIERS.has(next.image.toLowerCase());
          },
          DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'unitModifier' }),
        });
      },
    });
  });

  private conditional = this.RULE('conditional', () => {
    this.CONSUME(T.Si);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(T.Entonces);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME2(T.Si);
    this.CONSUME(T.No);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  // todos(x en reuniones: x.celebrada) | alguno(…) | cuántos(…)
  private quantifier = this.RULE('quantifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Todos, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Alguno, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(T.Cuantos, { LABEL: 'kind' }) },
    ]);
    this.CONSUME(T.LParen);
    this.CONSUME(T.Identifier, { LABEL: 'variable' });
    this.CONSUME(T.En);
    this.SUBRULE(this.additive, { LABEL: 'collection' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression, { LABEL: 'body' });
    this.CONSUME(T.RParen);
  });

  private nameOrCall = this.RULE('nameOrCall', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.LParen, { LABEL: 'call' });
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arg' }) });
      this.CONSUME(T.RParen);
    });
  });

  private recordLiteral = this.RULE('recordLiteral', () => {
    this.CONSUME(T.LBrace);
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.CONSUME(T.Identifier, { LABEL: 'key' });
        this.CONSUME(T.Colon);
        this.SUBRULE(this.expression, { LABEL: 'value' });
      },
    });
    this.CONSUME(T.RBrace);
  });

  private setLiteral = this.RULE('setLiteral', () => {
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'element' }) });
    this.CONSUME(T.RBrace);
  });

  private listLiteral = this.RULE('listLiteral', () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'element' }) });
    this.CONSUME(T.RBracket);
  });
}

/** One parser instance is enough: its state is reset on every input. */
export const parser = new NeaeParser();
