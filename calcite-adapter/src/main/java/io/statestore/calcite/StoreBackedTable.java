package io.statestore.calcite;

import io.statestore.core.StateStore;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ModifiableTable;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.AbstractTableQueryable;

/**
 * What the {@code state} and {@code locks} tables share: a store, rows as {@code Object[]}, and
 * writes planned by statestore's own table-modify operator ({@link StateModifyRule}) rather than
 * through a modifiable collection.
 */
public abstract class StoreBackedTable extends AbstractTable
    implements ProjectableFilterableTable, ModifiableTable, StoreTable {
  private final StateStore store;

  /** A table over a store. */
  protected StoreBackedTable(StateStore store) {
    this.store = store;
  }

  @Override
  public StateStore store() {
    return store;
  }

  /** Not used: every write is planned by {@link StateModifyRule}, one backend write per row. */
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

  /**
   * The rows a look-up allows, with the columns {@code projects} (in that order; {@code null}:
   * every column), read lazily under the statement's deadline.
   */
  abstract Enumerable<Object[]> rows(DataContext root, KeyLookup lookup, int[] projects);

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    return rows(root, KeyFilters.analyze(filters, root), projects);
  }

  /** Unfiltered scans (Calcite plans them through linq4j) read every row. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> Queryable<T> asQueryable(
      QueryProvider queryProvider, SchemaPlus schema, String tableName) {
    return new AbstractTableQueryable<T>(queryProvider, schema, this, tableName) {
      @Override
      public Enumerator<T> enumerator() {
        return (Enumerator<T>) scan(null, new ArrayList<>(), null).enumerator();
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
