package io.statestore.calcite;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement statestore does not run: DDL, transaction control, session settings and the like. It
 * is parsed only far enough to be named; {@link StatestorePrepare} refuses it with {@link
 * ErrorKind#UNSUPPORTED} before anything is executed, so nothing is created, changed or dropped.
 */
final class RefusedStatement extends SqlDdl {
  /** What statestore runs, for the refusal's message. */
  static final String SUPPORTED =
      "statestore runs SELECT, INSERT, UPDATE, DELETE and MERGE on state, SELECT and DELETE on"
          + " locks, and EXPLAIN PLAN FOR";

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("UNSUPPORTED STATEMENT", SqlKind.OTHER_DDL);

  private final String name;

  RefusedStatement(String name, SqlParserPos pos) {
    super(OPERATOR, pos);
    this.name = name;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(name);
  }

  /** The refusal: what was asked, why not, and what runs instead. */
  StateStoreException refusal() {
    return refusal(name);
  }

  /** The refusal of a statement whose leading words are {@code name}. */
  static StateStoreException refusal(String name) {
    String why;
    if (name.startsWith("TRUNCATE")) {
      why = " (to delete every state, run DELETE FROM state)";
    } else if (name.startsWith("COMMIT")
        || name.startsWith("ROLLBACK")
        || name.startsWith("BEGIN")
        || name.startsWith("START")) {
      why = " (there are no transactions: every statement applies as it runs, in auto-commit)";
    } else if (name.startsWith("CREATE") || name.startsWith("DROP") || name.startsWith("ALTER")) {
      why =
          " (DDL: the tables state and locks are the store itself and cannot be created,"
              + " altered or dropped, and no other object can be created)";
    } else {
      why = "";
    }
    return new StateStoreException(
        ErrorKind.UNSUPPORTED, name + " is not supported" + why + "; " + SUPPORTED + ".");
  }
}
