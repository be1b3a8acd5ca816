package io.statestore.calcite;

import io.statestore.core.LockInfo;
import io.statestore.core.StateStore;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ModifiableTable;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.AbstractTableQueryable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The read-only {@code locks(state_id, locked_at, expires_at)} table: the lock objects present now.
 * {@code DELETE FROM locks WHERE state_id = ?} force-unlocks, like {@code terraform force-unlock}.
 */
public final class LocksTable extends AbstractTable
    implements ProjectableFilterableTable, ModifiableTable, StoreTable {
  private final StateStore store;

  /** A locks table over a store. */
  public LocksTable(StateStore store) {
    this.store = store;
  }

  @Override
  public StateStore store() {
    return store;
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

  @Override
  public Statistic getStatistic() {
    return Statistics.of(10d, List.of(ImmutableBitSet.of(0)));
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    KeyLookup lookup = KeyFilters.analyze(filters, root);
    int[] cols = projects == null ? new int[] {0, 1, 2} : projects;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Stream<LockInfo> locks =
            lookup.points() != null
                ? lookup.points().stream()
                    .filter(lookup::accepts)
                    .flatMap(id -> store.lockInfo(id).stream())
                : store.locks(lookup.prefix()).filter(l -> lookup.accepts(l.stateId()));
        Stream<Object[]> rows = locks.map(l -> row(l, cols));
        var it = rows.iterator();
        return new ClosingEnumerator<>(Linq4j.iterableEnumerator(() -> it), rows::close);
      }
    };
  }

  private static Object[] row(LockInfo lock, int[] cols) {
    Object[] out = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] =
          switch (cols[i]) {
            case 0 -> lock.stateId();
            case 1 -> lock.lockedAt().toEpochMilli();
            default -> lock.expiresAt().toEpochMilli();
          };
    }
    return out;
  }

  @Override
  public Collection<?> getModifiableCollection() {
    return null;
  }

  @Override
  public TableModify toModificationRel(
      RelOptCluster cluster,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode child,
      TableModify.Operation operation,
      List<String> updateColumnList,
      List<RexNode> sourceExpressionList,
      boolean flattened) {
    return LogicalTableModify.create(
        table, catalogReader, child, operation, updateColumnList, sourceExpressionList, flattened);
  }

  /** Unfiltered scans (Calcite plans them through linq4j) list every state. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> Queryable<T> asQueryable(
      QueryProvider queryProvider, SchemaPlus schema, String tableName) {
    return new AbstractTableQueryable<T>(queryProvider, schema, this, tableName) {
      @Override
      public Enumerator<T> enumerator() {
        return (Enumerator<T>) scan(null, new java.util.ArrayList<>(), null).enumerator();
      }
    };
  }

  @Override
  public Type getElementType() {
    return Object[].class;
  }

  @Override
  public Expression getExpression(SchemaPlus schema, String tableName, Class clazz) {
    return Schemas.tableExpression(schema, getElementType(), tableName, clazz);
  }
}
