package io.statestore.calcite;

import io.statestore.core.StateStore;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The {@code state} table: {@code state(state_id VARCHAR NOT NULL PRIMARY KEY, body VARCHAR NOT
 * NULL, updated_at TIMESTAMP)}, one row per state.
 *
 * <p>Reads push filters on {@code state_id} ({@code =}, {@code IN}, {@code LIKE}) and the
 * projection into the store; writes go through {@link StateWriter}, one backend write per row, each
 * under that state's lock.
 */
public final class StateTable extends StoreBackedTable {
  /** A table over a store. */
  public StateTable(StateStore store) {
    super(store);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typeFactory
        .builder()
        .add("state_id", typeFactory.createSqlType(SqlTypeName.VARCHAR))
        .add("body", typeFactory.createSqlType(SqlTypeName.VARCHAR))
        .add(
            "updated_at",
            typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3), true))
        .build();
  }

  @Override
  public Statistic getStatistic() {
    // Every store lists states in state_id order (the backend contract checks it), and every scan
    // has state_id as its first column (StateProjectScanRule): ORDER BY state_id needs no sort.
    return Statistics.of(
        1000d,
        List.of(ImmutableBitSet.of(StateRows.STATE_ID)),
        List.of(RelCollations.of(StateRows.STATE_ID)));
  }

  @Override
  Enumerable<Object[]> rows(DataContext root, KeyLookup lookup, int[] projects) {
    return new StateRows(store(), lookup, projects, StatementDeadline.of(root));
  }
}
