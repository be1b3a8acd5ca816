package io.statestore.calcite;

import io.statestore.core.StateStore;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
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
 * The {@code state} table: {@code state(state_id VARCHAR NOT NULL PRIMARY KEY, body VARCHAR NOT
 * NULL, updated_at TIMESTAMP)}, one row per state.
 *
 * <p>Reads push filters on {@code state_id} ({@code =}, {@code IN}, {@code LIKE}) and the
 * projection into the store; writes go through {@link StateWriter}, one backend write per row, each
 * under that state's lock.
 */
public final class StateTable extends AbstractTable
    implements ProjectableFilterableTable, ModifiableTable, StoreTable {
  private final StateStore store;

  /** A table over a store. */
  public StateTable(StateStore store) {
    this.store = store;
  }

  @Override
  public StateStore store() {
    return store;
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
    return Statistics.of(1000d, List.of(ImmutableBitSet.of(StateRows.STATE_ID)));
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    KeyLookup lookup = KeyFilters.analyze(filters, root);
    return new StateRows(store, lookup, projects);
  }

  /**
   * Not used: statestore plans every write with its own table-modify operator ({@link
   * StatestoreRules}) so that each row is one backend write with its own error.
   */
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
        return (Enumerator<T>) new StateRows(store, KeyLookup.all(), null).enumerator();
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
