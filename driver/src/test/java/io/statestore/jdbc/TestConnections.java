package io.statestore.jdbc;

import io.statestore.core.LockTimestamps;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.testkit.CountingBackendProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/** Connections to fresh stores that the driver's tests start from. */
final class TestConnections {
  /** An empty state body. */
  static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private TestConnections() {}

  /** A connection to a fresh memory store holding state 'a' with {@link #BODY}. */
  static Connection memoryWithState(String hint) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:statestore:memory:" + freshName(hint));
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '" + BODY + "')");
    }
    return c;
  }

  /** A fresh store name: the hint and a random suffix. */
  static String freshName(String hint) {
    return hint + UUID.randomUUID();
  }

  /**
   * A connection to the store {@code name} of {@link CountingBackendProvider}, fresh, holding state
   * 't', whose lock another writer holds for 60 s.
   */
  static Connection withStateLockedByAnother(String name) throws SQLException {
    var backend = CountingBackendProvider.store("memory:" + name);
    Connection c = DriverManager.getConnection("jdbc:statestore:counting:memory:" + name);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('t', '{}')");
    }
    backend.write(
        "t",
        ObjectKind.LOCK,
        LockTimestamps.format(Instant.now().plusSeconds(60)),
        Precondition.absent());
    return c;
  }
}
