package io.statestore.calcite;

import io.statestore.core.Deadline;
import io.statestore.core.LockInfo;
import io.statestore.core.StateStore;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.TimestampString;

/**
 * The read-only {@code locks(state_id, locked_at, expires_at)} table: the lock objects present now.
 * {@code DELETE FROM locks WHERE state_id = ?} force-unlocks, like {@code terraform force-unlock}.
 */
public final class LocksTable extends StoreBackedTable {
  /** A locks table over a store. */
  public LocksTable(StateStore store) {
    super(store);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataType ts =
        typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3), false);
    return typeFactory
        .builder()
        .add("state_id", typeFactory.createSqlType(SqlTypeName.VARCHAR))
        .add("locked_at", ts)
        .add("expires_at", ts)
        .build();
  }

  /**
   * Gives the time columns a default for the validator, so that {@code INSERT INTO locks} reaches
   * the writer and is refused there as unsupported (0A000) instead of failing validation for a
   * missing column: locks are taken by writes to {@code state}, never inserted.
   */
  @Override
  public <C> C unwrap(Class<C> aClass) {
    if (aClass.isAssignableFrom(InitializerExpressionFactory.class)) {
      return aClass.cast(LockColumnDefaults.INSTANCE);
    }
    return super.unwrap(aClass);
  }

  /** Column defaults of the locks table: the epoch for its time columns (never written). */
  private static final class LockColumnDefaults extends NullInitializerExpressionFactory {
    static final LockColumnDefaults INSTANCE = new LockColumnDefaults();

    @Override
    public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
      return iColumn == 0 ? super.generationStrategy(table, iColumn) : ColumnStrategy.DEFAULT;
    }

    @Override
    public RexNode newColumnDefaultValue(
        RelOptTable table, int iColumn, InitializerContext context) {
      if (iColumn == 0) {
        return super.newColumnDefaultValue(table, iColumn, context);
      }
      return context
          .getRexBuilder()
          .makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(0), 3);
    }
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(10d, List.of(ImmutableBitSet.of(0)));
  }

  @Override
  Enumerable<Object[]> rows(DataContext root, KeyLookup lookup, int[] projects) {
    int[] cols = projects == null ? new int[] {0, 1, 2} : projects;
    Deadline deadline = StatementDeadline.of(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Stream<LockInfo> locks =
            lookup.points() != null
                ? lookup.points().stream()
                    .filter(lookup::accepts)
                    .flatMap(id -> store().lockInfo(id, deadline).stream())
                : store().locks(lookup.prefix(), deadline).filter(l -> lookup.accepts(l.stateId()));
        ZoneId zone = store().options().zone();
        Stream<Object[]> rows = locks.map(l -> row(l, cols, zone));
        var it = rows.iterator();
        return new ClosingEnumerator<>(Linq4j.iterableEnumerator(() -> it), rows::close);
      }
    };
  }

  /** A row; the times are wall-clock times in {@code zone}, as {@code updated_at}'s. */
  private static Object[] row(LockInfo lock, int[] cols, ZoneId zone) {
    Object[] out = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] =
          switch (cols[i]) {
            case 0 -> lock.stateId();
            case 1 -> WallClock.millis(lock.lockedAt(), zone);
            default -> WallClock.millis(lock.expiresAt(), zone);
          };
    }
    return out;
  }
}
