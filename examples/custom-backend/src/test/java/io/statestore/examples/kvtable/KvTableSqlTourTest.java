package io.statestore.examples.kvtable;

import io.statestore.jdbc.SqlTourContract;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL tour every store passes through the driver (from {@code statestore-testkit-sql}), on a
 * fresh in-memory H2 table per test: reads with pushed-down filters, writes under locks, errors
 * with their SQLStates. A new backend gets it with this one class.
 */
class KvTableSqlTourTest extends SqlTourContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  protected String url() {
    return "jdbc:statestore:kvtable:jdbc:h2:mem:tour"
        + DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1";
  }
}
