package io.statestore.calcite;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * What the code generated for a {@link StateTableScan} calls at each execution: the scan's table,
 * its key conditions compiled when the statement was planned, and its columns. An execution only
 * reads its parameters' values from the {@link DataContext} and goes to the store.
 */
public final class CompiledScan {
  private final StoreBackedTable table;
  private final List<KeyCondition> conditions;
  private final int[] projects;

  CompiledScan(StoreBackedTable table, List<KeyCondition> conditions, int[] projects) {
    this.table = table;
    this.conditions = List.copyOf(conditions);
    this.projects = projects.clone();
  }

  /** The scan's rows for one execution, whose parameters and deadline {@code root} holds. */
  public Enumerable<Object[]> rows(DataContext root) {
    return table.rows(root, KeyFilters.resolve(conditions, root), projects);
  }

  /** The values of a scan of one column, for one execution. */
  public Enumerable<Object> values(DataContext root) {
    return rows(root).select(row -> row[0]);
  }
}
