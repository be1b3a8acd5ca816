package io.statestore.backend.systemdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the databases a Meltano system database lives in: column types, how to sort
 * ids in code order, row limits, and connection defaults. Chosen from the JDBC URL before
 * connecting (for connection properties) and from {@code DatabaseMetaData} after (for SQL).
 */
enum Dialect {
  /** H2, the embedded default. Text columns are CLOBs so 10 MB documents fit. */
  H2("CLOB", "TIMESTAMP", true),
  /** SQLite, Meltano's own default system database ({@code .meltano/meltano.db}). */
  SQLITE("VARCHAR", "DATETIME", true),
  /** PostgreSQL. */
  POSTGRESQL("VARCHAR", "TIMESTAMP WITHOUT TIME ZONE", true),
  /** MySQL and MariaDB. */
  MYSQL("LONGTEXT", "DATETIME(6)", true),
  /** Anything else: standard SQL only. */
  GENERIC("CLOB", "TIMESTAMP", false);

  /** How long a SQLite connection waits for another writer before failing with SQLITE_BUSY. */
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  private final String textType;
  private final String timestampType;
  private final boolean createIfNotExists;

  Dialect(String textType, String timestampType, boolean createIfNotExists) {
    this.textType = textType;
    this.timestampType = timestampType;
    this.createIfNotExists = createIfNotExists;
  }

  /** The dialect of a database product name as {@code DatabaseMetaData} reports it. */
  static Dialect fromProductName(String productName) {
    String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return H2;
    }
    if (name.contains("sqlite")) {
      return SQLITE;
    }
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return MYSQL;
    }
    return GENERIC;
  }

  /** The dialect a JDBC URL names, for choosing connection properties before connecting. */
  static Dialect fromUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
      return MYSQL;
    }
    return GENERIC;
  }

  /** The type of the JSON text columns (Meltano: {@code VARCHAR} without a length). */
  String textType() {
    return textType;
  }

  /** The type of {@code updated_at} (Meltano: {@code TIMESTAMP} on PostgreSQL, else DATETIME). */
  String timestampType() {
    return timestampType;
  }

  /** Whether {@code CREATE TABLE IF NOT EXISTS} is understood. */
  boolean createIfNotExists() {
    return createIfNotExists;
  }

  /** Whether {@code updated_at} is stored as text, as SQLAlchemy does on SQLite. */
  boolean textTimestamps() {
    return this == SQLITE;
  }

  /**
   * The id column as an expression that compares in code order rather than by a locale's collation.
   * H2 compares Java strings; SQLite's BINARY collation compares UTF-8 bytes.
   */
  String ordered(String column) {
    return switch (this) {
      case POSTGRESQL -> column + " COLLATE \"C\"";
      case MYSQL -> "CAST(" + column + " AS BINARY)";
      default -> column;
    };
  }

  /** A parameter compared with {@link #ordered(String)}. */
  String orderedParameter() {
    return this == MYSQL ? "CAST(? AS BINARY)" : "?";
  }

  /**
   * The condition that selects the row of exactly one id, {@code state_id = ?} and, where the
   * database may compare text without regard to letter case or accents (H2 with {@code IGNORECASE},
   * MySQL's and MariaDB's default collations), also a comparison of the ids' bytes. The first part
   * keeps the primary key usable; the second makes the match exact. Bind it with {@link #bindId}.
   */
  String idIs() {
    return switch (this) {
      case H2 -> "state_id = ? AND CAST(state_id AS VARBINARY) = CAST(? AS VARBINARY)";
      case MYSQL -> "state_id = ? AND CAST(state_id AS BINARY) = CAST(? AS BINARY)";
      default -> "state_id = ?";
    };
  }

  /**
   * Binds an id to the parameters of {@link #idIs()} starting at {@code index}.
   *
   * @return the index of the next parameter
   */
  int bindId(PreparedStatement ps, int index, String stateId) throws SQLException {
    ps.setString(index, stateId);
    if (this == H2 || this == MYSQL) {
      ps.setString(index + 1, stateId);
      return index + 2;
    }
    return index + 1;
  }

  /** The clause that limits a query to {@code rows} rows, placed after ORDER BY. */
  String limit(int rows) {
    return this == GENERIC ? "OFFSET 0 ROWS FETCH NEXT " + rows + " ROWS ONLY" : "LIMIT " + rows;
  }

  /** sqlite-jdbc's {@code open_mode} flags: read and write, never create the file. */
  static final int SQLITE_OPEN_EXISTING = 0x02;

  /** sqlite-jdbc's {@code open_mode} flags: read and write, creating the file if missing. */
  static final int SQLITE_OPEN_OR_CREATE = 0x06;

  /**
   * Connection properties this dialect needs; a parameter of the same name in the URL wins. SQLite
   * connections wait for each other's writes for {@value #SQLITE_BUSY_TIMEOUT_MS} ms, and never
   * create a missing database file (a read must not create it; the first write does, when it may).
   * The WAL journal that Meltano switches its database to is set by the first write, not on
   * connecting, so that reading changes nothing.
   */
  Properties connectionDefaults() {
    Properties p = new Properties();
    if (this == SQLITE) {
      p.setProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
      p.setProperty("open_mode", String.valueOf(SQLITE_OPEN_EXISTING));
    }
    return p;
  }

  /**
   * The statements that begin, commit and roll back a write transaction, or {@code null} to use
   * JDBC's auto-commit switch. SQLite's are explicit: {@code BEGIN IMMEDIATE} takes the write lock
   * up front (waiting for other writers), so a read-then-write transaction cannot fail on a lock
   * upgrade; sqlite-jdbc's own commit and rollback would begin the next transaction at once.
   */
  String[] transactionStatements() {
    return this == SQLITE ? new String[] {"BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"} : null;
  }
}
