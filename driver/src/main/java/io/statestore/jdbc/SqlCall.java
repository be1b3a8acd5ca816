package io.statestore.jdbc;

import java.sql.SQLException;

/**
 * A call into the SQL engine, run by the driver's JDBC classes so that whatever it throws is
 * translated in one place ({@link SqlErrors}).
 *
 * @param <T> what the call returns
 */
@FunctionalInterface
interface SqlCall<T> {
  T call() throws SQLException;
}
