package io.statestore.backend.systemdb;

import io.statestore.core.StateDocuments;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Meltano's system database table {@code state(state_id, partial_state, completed_state,
 * updated_at)}, created if missing. The body maps onto the two JSON columns; {@code updated_at} is
 * written in UTC. Locks live in a side table {@code statestore_lock} (Meltano takes none here): its
 * primary key makes creating a lock atomic and a version column makes take-over a compare-and-set.
 */
final class SystemDbBackend implements StateBackend {
  private static final int PAGE = 500;
  private static final String LOCK_TABLE = "statestore_lock";

  private final String url;
  private final String user;
  private final String password;
  private final String table;
  private final Connection anchor;

  SystemDbBackend(String url, String user, String password, String table) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.table = table;
    try {
      this.anchor = connect();
      String product = anchor.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      String text = product.contains("h2") ? "CLOB" : "TEXT";
      try (Statement s = anchor.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + table
                + " (state_id VARCHAR(900) NOT NULL PRIMARY KEY, partial_state "
                + text
                + ", completed_state "
                + text
                + ", updated_at TIMESTAMP)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + LOCK_TABLE
                + " (state_id VARCHAR(900) NOT NULL PRIMARY KEY, content VARCHAR(64) NOT NULL,"
                + " version VARCHAR(64) NOT NULL)");
      }
    } catch (SQLException e) {
      throw error("open", e);
    }
  }

  /**
   * Opens a connection. An embedded H2 database opened by several processes at the same moment
   * reports its lock file as busy while one of them starts (or hands over) the shared server; that
   * is retried for a while.
   */
  private Connection connect() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return DriverManager.getConnection(url, user, password);
      } catch (SQLException e) {
        boolean busy =
            e.getErrorCode() == 8000
                || e.getErrorCode() == 90020
                || String.valueOf(e.getMessage()).contains("Lock file");
        if (!busy || attempt >= 20) {
          throw e;
        }
        try {
          Thread.sleep(100L + (long) (Math.random() * 200));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    try (Connection c = connect()) {
      return kind == ObjectKind.STATE ? readState(c, stateId, false) : readLock(c, stateId);
    } catch (SQLException e) {
      throw error("read " + stateId, e);
    }
  }

  private Optional<StoredObject> readState(Connection c, String id, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT completed_state, partial_state, updated_at FROM "
                + table
                + " WHERE state_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] doc = StateDocuments.fromParts(rs.getString(1), rs.getString(2));
        Timestamp ts = rs.getTimestamp(3);
        Instant at = ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return Optional.of(new StoredObject(doc, at, hash(doc)));
      }
    }
  }

  private Optional<StoredObject> readLock(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT content, version FROM " + LOCK_TABLE + " WHERE state_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredObject(
                rs.getString(1).getBytes(StandardCharsets.US_ASCII),
                null,
                new Version(rs.getString(2))));
      }
    }
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    String t = kind == ObjectKind.STATE ? table : LOCK_TABLE;
    String when = kind == ObjectKind.STATE ? "updated_at" : "NULL";
    String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String sql =
        "SELECT state_id, "
            + when
            + " FROM "
            + t
            + " WHERE state_id LIKE ? ESCAPE '\\' AND state_id > ? ORDER BY state_id LIMIT "
            + PAGE;
    Iterator<ListedState> it =
        new Iterator<>() {
          private List<ListedState> page = new ArrayList<>();
          private int pos;
          private String after = "";
          private boolean done;

          @Override
          public boolean hasNext() {
            if (pos < page.size()) {
              return true;
            }
            if (done) {
              return false;
            }
            page = fetch();
            pos = 0;
            done = page.size() < PAGE;
            return !page.isEmpty();
          }

          @Override
          public ListedState next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            ListedState s = page.get(pos++);
            after = s.stateId();
            return s;
          }

          private List<ListedState> fetch() {
            List<ListedState> out = new ArrayList<>();
            try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, like);
              ps.setString(2, after);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Timestamp ts = kind == ObjectKind.STATE ? rs.getTimestamp(2) : null;
                  Instant at = ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
                  out.add(new ListedState(rs.getString(1), at));
                }
              }
            } catch (SQLException e) {
              throw error("list " + prefix, e);
            }
            return out;
          }
        };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition p) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        Version v =
            kind == ObjectKind.STATE
                ? writeState(c, stateId, content, p)
                : writeLock(c, stateId, content, p);
        c.commit();
        return v;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        throw new StateStoreException(
            ErrorKind.ALREADY_EXISTS, kind.fileName() + " of " + stateId + " exists", e);
      }
      throw error("write " + stateId, e);
    }
  }

  private Version writeState(Connection c, String id, byte[] content, Precondition p)
      throws SQLException {
    String[] parts = StateDocuments.toParts(content);
    byte[] stored = StateDocuments.fromParts(parts[0], parts[1]);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    if (p instanceof Precondition.Absent) {
      insertState(c, id, parts, now);
    } else {
      Optional<StoredObject> cur = readState(c, id, true);
      if (p instanceof Precondition.Matches m
          && (cur.isEmpty() || !cur.get().version().equals(m.version()))) {
        throw new StateStoreException(ErrorKind.CONFLICT, "state.json of " + id + " changed");
      }
      if (cur.isEmpty()) {
        insertState(c, id, parts, now);
      } else {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE "
                    + table
                    + " SET completed_state = ?, partial_state = ?, updated_at = ?"
                    + " WHERE state_id = ?")) {
          ps.setString(1, parts[0]);
          ps.setString(2, parts[1]);
          ps.setTimestamp(3, now);
          ps.setString(4, id);
          ps.executeUpdate();
        }
      }
    }
    return hash(stored);
  }

  private void insertState(Connection c, String id, String[] parts, Timestamp now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (state_id, completed_state, partial_state, updated_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, parts[0]);
      ps.setString(3, parts[1]);
      ps.setTimestamp(4, now);
      ps.executeUpdate();
    }
  }

  private Version writeLock(Connection c, String id, byte[] content, Precondition p)
      throws SQLException {
    String text = new String(content, StandardCharsets.US_ASCII);
    String version = UUID.randomUUID().toString();
    if (p instanceof Precondition.Matches m) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE "
                  + LOCK_TABLE
                  + " SET content = ?, version = ? WHERE state_id = ? AND version = ?")) {
        ps.setString(1, text);
        ps.setString(2, version);
        ps.setString(3, id);
        ps.setString(4, m.version().token());
        if (ps.executeUpdate() == 0) {
          throw new StateStoreException(ErrorKind.CONFLICT, "lock of " + id + " changed");
        }
      }
    } else {
      if (!(p instanceof Precondition.Absent)) {
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM " + LOCK_TABLE + " WHERE state_id = ?")) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO " + LOCK_TABLE + " (state_id, content, version) VALUES (?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, text);
        ps.setString(3, version);
        ps.executeUpdate();
      }
    }
    return new Version(version);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition p) {
    String t = kind == ObjectKind.STATE ? table : LOCK_TABLE;
    Version expected = p instanceof Precondition.Matches m ? m.version() : null;
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        if (expected != null) {
          Optional<StoredObject> cur =
              kind == ObjectKind.STATE ? readState(c, stateId, true) : readLock(c, stateId);
          if (cur.isEmpty() || !cur.get().version().equals(expected)) {
            throw new StateStoreException(
                ErrorKind.CONFLICT, kind.fileName() + " of " + stateId + " changed");
          }
        }
        boolean versioned = kind == ObjectKind.LOCK && expected != null;
        int n;
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM "
                    + t
                    + " WHERE state_id = ?"
                    + (versioned ? " AND version = ?" : ""))) {
          ps.setString(1, stateId);
          if (versioned) {
            ps.setString(2, expected.token());
          }
          n = ps.executeUpdate();
        }
        if (expected != null && n == 0) {
          throw new StateStoreException(
              ErrorKind.CONFLICT, kind.fileName() + " of " + stateId + " changed");
        }
        c.commit();
        return n > 0;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw error("delete " + stateId, e);
    }
  }

  private static Version hash(byte[] doc) {
    try {
      return new Version(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private StateStoreException error(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ErrorKind kind = state.startsWith("28") ? ErrorKind.DENIED : ErrorKind.UNAVAILABLE;
    return new StateStoreException(
        kind,
        "Could not " + what + " in " + describe() + ": " + StoreLocation.redact(e.getMessage()),
        e);
  }

  @Override
  public String describe() {
    return "systemdb:" + StoreLocation.redact(url);
  }

  @Override
  public void close() {
    try {
      anchor.close();
    } catch (SQLException e) {
      // Closing is best effort.
    }
  }
}
