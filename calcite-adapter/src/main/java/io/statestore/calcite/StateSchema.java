package io.statestore.calcite;

import io.statestore.core.StateStore;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A Calcite schema over one state store, with the tables {@code state} and {@code locks}. The
 * schema does not own the store; whoever opened it closes it.
 */
public final class StateSchema extends AbstractSchema {
  /** The name of the state table. */
  public static final String STATE = "state";

  /** The name of the locks table. */
  public static final String LOCKS = "locks";

  private final StateStore store;
  private final Map<String, Table> tables;

  /** A schema over a store. */
  public StateSchema(StateStore store) {
    this.store = store;
    this.tables = Map.of(STATE, new StateTable(store), LOCKS, new LocksTable(store));
  }

  /** The store behind the schema. */
  public StateStore store() {
    return store;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
