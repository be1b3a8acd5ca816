package io.statestore.examples.kvtable;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * statestore objects as rows {@code (state_id, kind, content, version, modified)} of one table. The
 * primary key {@code (state_id, kind)} makes create-if-absent atomic ({@code INSERT} fails on a
 * duplicate) and the random {@code version} token makes compare-and-set one {@code UPDATE ... WHERE
 * version = ?}. Locking, retries and JSON rules are statestore's, above this class.
 */
final class KvTableBackend implements StateBackend {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KvTableConnector connector;
  private final String table;

  KvTableBackend(KvTableConnector connector, String table) {
    this.connector = connector;
    this.table = table;
    createTable();
  }

  private void createTable() {
    try (Connection c = connector.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (state_id VARCHAR(1024) NOT NULL, kind VARCHAR(16) NOT NULL,"
              + " content VARBINARY(1000000000) NOT NULL, version BIGINT NOT NULL,"
              + " modified TIMESTAMP NOT NULL, PRIMARY KEY (state_id, kind))");
    } catch (SQLException e) {
      throw connector.failure("creating table " + table, e);
    }
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    String sql =
        "SELECT content, version, modified FROM " + table + " WHERE state_id = ? AND kind = ?";
    try (Connection c = connector.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, stateId);
      ps.setString(2, kind.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredObject(
                rs.getBytes(1),
                rs.getTimestamp(3).toInstant(),
                new Version(Long.toString(rs.getLong(2)))));
      }
    } catch (SQLException e) {
      throw connector.failure("reading " + what(stateId, kind), e);
    }
  }

  /** Reads the matching ids at once and sorts them as Java does; fine for thousands of states. */
  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    String sql =
        "SELECT state_id, modified FROM "
            + table
            + " WHERE kind = ? AND state_id LIKE ? ESCAPE '!'";
    List<ListedState> found = new ArrayList<>();
    try (Connection c = connector.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind.name());
      ps.setString(2, prefix.replaceAll("([!%_])", "!$1") + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new ListedState(rs.getString(1), rs.getTimestamp(2).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw connector.failure("listing ids starting with '" + prefix + "'", e);
    }
    found.sort(Comparator.comparing(ListedState::stateId));
    return found.stream();
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    long version = RANDOM.nextLong();
    try (Connection c = connector.connect()) {
      if (precondition instanceof Precondition.Absent) {
        if (!insert(c, stateId, kind, content, version)) {
          throw new StateStoreException(ErrorKind.ALREADY_EXISTS, what(stateId, kind) + " exists");
        }
      } else if (precondition instanceof Precondition.Matches m) {
        if (update(c, stateId, kind, content, version, m.version()) == 0) {
          throw new StateStoreException(ErrorKind.CONFLICT, what(stateId, kind) + " changed");
        }
      } else {
        while (update(c, stateId, kind, content, version, null) == 0
            && !insert(c, stateId, kind, content, version)) {
          // Created by someone else between our UPDATE and INSERT: overwrite it.
        }
      }
      return new Version(Long.toString(version));
    } catch (SQLException e) {
      throw connector.failure("writing " + what(stateId, kind), e);
    }
  }

  private boolean insert(Connection c, String id, ObjectKind kind, byte[] content, long version)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " (state_id, kind, content, version, modified) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, kind.name());
      ps.setBytes(3, content);
      ps.setLong(4, version);
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false;
      }
      throw e;
    }
  }

  private int update(
      Connection c, String id, ObjectKind kind, byte[] content, long version, Version expected)
      throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET content = ?, version = ?, modified = ? WHERE state_id = ? AND kind = ?"
            + (expected == null ? "" : " AND version = ?");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setBytes(1, content);
      ps.setLong(2, version);
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      ps.setString(4, id);
      ps.setString(5, kind.name());
      if (expected != null) {
        ps.setLong(6, parse(expected));
      }
      return ps.executeUpdate();
    }
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    Version expected = precondition instanceof Precondition.Matches m ? m.version() : null;
    String sql =
        "DELETE FROM "
            + table
            + " WHERE state_id = ? AND kind = ?"
            + (expected == null ? "" : " AND version = ?");
    try (Connection c = connector.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, stateId);
      ps.setString(2, kind.name());
      if (expected != null) {
        ps.setLong(3, parse(expected));
      }
      int deleted = ps.executeUpdate();
      if (deleted == 0 && expected != null) {
        throw new StateStoreException(ErrorKind.CONFLICT, what(stateId, kind) + " changed");
      }
      return deleted > 0;
    } catch (SQLException e) {
      throw connector.failure("deleting " + what(stateId, kind), e);
    }
  }

  private static long parse(Version version) {
    try {
      return Long.parseLong(version.token());
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE; // Not one of ours: matches no row.
    }
  }

  private static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id '" + stateId + "'";
  }

  @Override
  public String describe() {
    return connector.describe() + " (table " + table + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
