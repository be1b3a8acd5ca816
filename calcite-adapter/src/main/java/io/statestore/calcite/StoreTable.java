package io.statestore.calcite;

import io.statestore.core.StateStore;

/** A table backed by a {@link StateStore}; lets the write operator find the store. */
public interface StoreTable {
  /** The store behind the table. */
  StateStore store();
}
