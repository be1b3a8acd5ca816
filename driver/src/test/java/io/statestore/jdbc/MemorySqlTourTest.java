package io.statestore.jdbc;

import java.util.UUID;

/** The SQL tour on the in-memory store. */
class MemorySqlTourTest extends SqlTourContract {
  @Override
  protected String url() {
    return "jdbc:statestore:memory:tour-" + UUID.randomUUID();
  }
}
