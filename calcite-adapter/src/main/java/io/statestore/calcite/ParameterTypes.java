package io.statestore.calcite;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Gives a type to the {@code ?} parameters whose type Calcite's validator cannot infer from their
 * place, in the forms SQL clients and query builders send, by wrapping them in {@code CAST(? AS
 * VARCHAR)} before validation:
 *
 * <ul>
 *   <li>the path of {@code JSON_VALUE}, {@code JSON_QUERY} and {@code JSON_EXISTS}: a path is text;
 *   <li>the values of {@code MERGE ... USING (VALUES (?, ?)) AS s(state_id, body)}: the columns a
 *       MERGE can write, {@code state_id} and {@code body}, are text.
 * </ul>
 *
 * <p>Parameters keep their positions; a parameter a client casts itself is left alone.
 */
final class ParameterTypes extends SqlBasicVisitor<Void> {
  private static final Set<String> JSON_FUNCTIONS =
      Set.of("JSON_VALUE", "JSON_QUERY", "JSON_EXISTS");

  private ParameterTypes() {}

  /** Types the parameters of {@code statement} in place. */
  static void assign(SqlNode statement) {
    statement.accept(new ParameterTypes());
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind() == SqlKind.OTHER_FUNCTION
        && JSON_FUNCTIONS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))
        && call.operandCount() > 1) {
      castParameter(call, 1);
    }
    if (call instanceof SqlMerge merge) {
      castValues(merge.getSourceTableRef());
    }
    return super.visit(call);
  }

  /** The rows of a VALUES source, aliased or not. */
  private static void castValues(SqlNode source) {
    SqlNode values = source;
    if (values instanceof SqlCall as && as.getKind() == SqlKind.AS) {
      values = as.operand(0);
    }
    if (!(values instanceof SqlCall call) || call.getKind() != SqlKind.VALUES) {
      return;
    }
    for (SqlNode row : call.getOperandList()) {
      if (row instanceof SqlCall r && r.getKind() == SqlKind.ROW) {
        for (int i = 0; i < r.operandCount(); i++) {
          castParameter(r, i);
        }
      }
    }
  }

  private static void castParameter(SqlCall call, int i) {
    if (call.operand(i) instanceof SqlDynamicParam p) {
      SqlParserPos pos = p.getParserPosition();
      SqlDataTypeSpec varchar =
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos);
      call.setOperand(i, SqlStdOperatorTable.CAST.createCall(pos, p, varchar));
    }
  }
}
