package io.statestore.calcite;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.babel.Token;
import org.apache.calcite.util.SourceStringReader;

/**
 * statestore's SQL parser: Calcite's Babel parser, whose grammar accepts most keywords as unquoted
 * aliases ({@code COUNT(*) AS count}, {@code AS value}, {@code AS year}) as PostgreSQL and H2 do,
 * with five rules for the statements SQL clients send.
 *
 * <ul>
 *   <li>{@code FETCH FIRST ROW ONLY} without a count fetches one row, as the standard says.
 *   <li>After {@code AS}, a word Babel still reserves ({@code date}, {@code time}, {@code
 *       timestamp}, {@code row}, {@code values}, ...) is an alias too when an alias is the only
 *       thing it can be: outside a {@code CAST}, and followed by {@code ,}, {@code FROM}, {@code )}
 *       or another clause or the end.
 *   <li>One statement per call, optionally ended by one {@code ;} (comments and white space may
 *       follow it). The end is found by the parser's own tokens, so a {@code ;} inside a string
 *       literal, a quoted identifier or a comment is not one. A second statement is a syntax error
 *       that says so.
 *   <li>DDL and other statements that are not queries or writes ({@code CREATE}, {@code DROP},
 *       {@code ALTER}, {@code TRUNCATE}, {@code GRANT}, transaction control, {@code SET}, ...)
 *       parse as a {@link RefusedStatement}, which {@link StatestorePrepare} refuses before
 *       anything runs.
 *   <li>Parameters whose type only their use can tell are typed: see {@link ParameterTypes}.
 * </ul>
 *
 * <p>Install it with the connection property {@code parserFactory=}{@value #FACTORY_NAME}.
 */
public class StatestoreParserImpl extends SqlBabelParserImpl {
  /** The factory's name as Calcite's {@code parserFactory} property takes it. */
  public static final String FACTORY_NAME = "io.statestore.calcite.StatestoreParserImpl#FACTORY";

  /** Creates statestore's parser. */
  public static final SqlParserImplFactory FACTORY = StatestoreParserImpl::create;

  private static final Set<Integer> DDL_VERBS =
      Set.of(CREATE, DROP, ALTER, TRUNCATE, GRANT, REVOKE);

  private static final Set<Integer> CASTS = Set.of(CAST, TRY_CAST, SAFE_CAST);

  private static final Set<Integer> ALIAS_ENDS =
      Set.of(
          EOF, COMMA, RPAREN, FROM, WHERE, GROUP, HAVING, ORDER, LIMIT, OFFSET, FETCH, UNION,
          INTERSECT, EXCEPT, MINUS, WINDOW, QUALIFY);

  private static final Set<String> OBJECT_WORDS =
      Set.of(
          "TABLE",
          "VIEW",
          "SCHEMA",
          "INDEX",
          "UNIQUE",
          "OR",
          "REPLACE",
          "MATERIALIZED",
          "FUNCTION",
          "TYPE",
          "SEQUENCE",
          "DATABASE",
          "TEMPORARY",
          "TEMP",
          "GLOBAL",
          "LOCAL",
          "FOREIGN",
          "SESSION",
          "SYSTEM",
          "TRANSACTION",
          "WORK");

  /**
   * Creates a parser reading {@code reader}.
   *
   * @param reader the SQL
   */
  public StatestoreParserImpl(Reader reader) {
    super(reader);
  }

  private static SqlAbstractParserImpl create(Reader reader) {
    StatestoreParserImpl parser = new StatestoreParserImpl(reader);
    if (reader instanceof SourceStringReader source) {
      parser.setOriginalSql(source.getSourceString());
    }
    return parser;
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    Token first = getToken(1);
    endAtTrailingSemicolon(first);
    aliasReservedWords(first);
    countOneWhereFetchHasNone(first);
    if (DDL_VERBS.contains(first.kind)) {
      return new RefusedStatement(statementName(first), position(first));
    }
    SqlNode statement = SqlStmtEof();
    if (!runnable(statement.getKind())) {
      return new RefusedStatement(statementName(first), statement.getParserPosition());
    }
    ParameterTypes.assign(statement);
    return statement;
  }

  /**
   * Reads the statement's tokens up to the end. A {@code ;} followed by nothing but comments and
   * white space becomes the end of input; a {@code ;} followed by anything else is an error.
   */
  private void endAtTrailingSemicolon(Token first) throws SqlParseException {
    for (Token t = first; t.kind != EOF; t = next(t)) {
      if (t.kind != SEMICOLON) {
        continue;
      }
      Token after = next(t);
      if (after.kind == EOF) {
        t.kind = EOF;
        return;
      }
      SqlParserPos pos = position(after);
      throw new SqlParseException(
          String.format(
              Locale.ROOT,
              "One statement per call: more SQL follows the ';' at line %d, column %d. Send each"
                  + " statement in a call of its own (a single ';' at the end is accepted)",
              t.beginLine,
              t.beginColumn),
          pos,
          null,
          null,
          null);
    }
  }

  /**
   * Reads a word right after {@code AS} as an alias, as PostgreSQL does, even one the grammar
   * reserves: {@code CAST(updated_at AS DATE) AS date}. Only where an alias is the one thing it can
   * be: not inside the parentheses of a cast, and followed by the end of the select item or of the
   * statement. (A keyword the grammar does not reserve reads the same as an identifier there, so
   * words are not told apart.)
   */
  private void aliasReservedWords(Token first) {
    Deque<Boolean> inCast = new ArrayDeque<>();
    Token previous = null;
    for (Token t = first; t.kind != EOF; previous = t, t = next(t)) {
      if (t.kind == LPAREN) {
        inCast.push(previous != null && CASTS.contains(previous.kind));
      } else if (t.kind == RPAREN) {
        inCast.poll();
      } else if (previous != null
          && previous.kind == AS
          && t.kind != IDENTIFIER
          && !Boolean.TRUE.equals(inCast.peek())
          && isWord(t.image)
          && ALIAS_ENDS.contains(next(t).kind)) {
        t.kind = IDENTIFIER;
      }
    }
  }

  /** A keyword's or plain identifier's spelling: no quotes, not a literal. */
  private static boolean isWord(String image) {
    if (image.isEmpty() || !(Character.isLetter(image.charAt(0)) || image.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < image.length(); i++) {
      char c = image.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }

  /** {@code FETCH FIRST ROW ONLY}: the standard's count is optional and then 1. */
  private void countOneWhereFetchHasNone(Token first) {
    for (Token t = first; t.kind != EOF; t = next(t)) {
      Token firstOrNext = next(t);
      Token rows = next(firstOrNext);
      if (t.kind == FETCH
          && (firstOrNext.kind == FIRST || firstOrNext.kind == NEXT)
          && (rows.kind == ROW || rows.kind == ROWS)) {
        Token one = Token.newToken(UNSIGNED_INTEGER_LITERAL);
        one.kind = UNSIGNED_INTEGER_LITERAL;
        one.image = "1";
        one.beginLine = rows.beginLine;
        one.beginColumn = rows.beginColumn;
        one.endLine = rows.beginLine;
        one.endColumn = rows.beginColumn;
        one.next = rows;
        firstOrNext.next = one;
      }
    }
  }

  private Token next(Token t) {
    if (t.next == null) {
      t.next = token_source.getNextToken();
    }
    return t.next;
  }

  private static boolean runnable(SqlKind kind) {
    return kind.belongsTo(SqlKind.QUERY) || kind.belongsTo(SqlKind.DML) || kind == SqlKind.EXPLAIN;
  }

  /**
   * The statement's leading words, such as {@code DROP TABLE} or {@code CREATE OR REPLACE VIEW}.
   */
  private String statementName(Token first) {
    StringBuilder name = new StringBuilder(first.image.toUpperCase(Locale.ROOT));
    for (Token t = next(first); t.kind != EOF; t = next(t)) {
      String word = t.image.toUpperCase(Locale.ROOT);
      if (!OBJECT_WORDS.contains(word)) {
        break;
      }
      name.append(' ').append(word);
    }
    return name.toString();
  }

  private static SqlParserPos position(Token t) {
    return new SqlParserPos(t.beginLine, t.beginColumn, t.endLine, t.endColumn);
  }
}
