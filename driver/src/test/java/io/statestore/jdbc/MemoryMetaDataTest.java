package io.statestore.jdbc;

import java.util.UUID;

/** Metadata of the in-memory store. */
class MemoryMetaDataTest extends MetaDataContract {
  @Override
  protected String url() {
    return "jdbc:statestore:memory:meta-" + UUID.randomUUID();
  }
}
