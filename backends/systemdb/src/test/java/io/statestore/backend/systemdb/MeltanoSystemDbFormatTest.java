package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.core.StoreOptions;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meltano and statestore share one system database: rows Meltano wrote read as the documents
 * Meltano means, and rows statestore writes are what Meltano's SQLAlchemy model reads. The row
 * values below are those Meltano 4.x (SQLAlchemy, {@code json.dumps}, {@code datetime.now}) wrote
 * into a SQLite database made by its migration.
 *
 * <p>The stores run in a zone other than UTC, to show that {@code updated_at} is naive local time
 * on both sides.
 */
class MeltanoSystemDbFormatTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;
  private String url;
  private SystemDbBackend backend;
  private StateStore store;

  @BeforeEach
  void open() throws Exception {
    url = MeltanoTables.createSqlite(dir.resolve("meltano.db"));
    backend = SystemDbBackend.open(SystemDbConfig.of(url), Clock.system(ZONE));
    store = new StateStore(backend, StoreOptions.defaults());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void rowsWrittenByMeltanoReadAsTheirDocuments() throws Exception {
    LocalDateTime replacedAt = LocalDateTime.parse("2026-11-25T06:20:00.885656");
    try (Connection c = DriverManager.getConnection(url)) {
      // Replaced once: SQLAlchemy turned delete+add into an UPDATE, so onupdate set updated_at.
      MeltanoTables.insertSqlite(
          c,
          "dev:tap-x-to-target-y",
          "{\"singer_state\": {\"a\": 1}}",
          "{\"singer_state\": {\"bookmarks\": {\"users\": {\"v\": 2.5}}}}",
          replacedAt);
      // Inserted only: updated_at NULL; a None partial_state is NULL.
      MeltanoTables.insertSqlite(
          c, "dev:new", null, "{\"singer_state\": {\"name\": \"Zo\\u00eb\"}}", null);
    }

    StateRecord replaced = store.get("dev:tap-x-to-target-y").orElseThrow();
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"v\": 2.5}}}},"
            + " \"partial\": {\"singer_state\": {\"a\": 1}}}",
        replaced.bodyText());
    assertEquals(replacedAt.atZone(ZONE).toInstant(), replaced.updatedAt());

    StateRecord inserted = store.get("dev:new").orElseThrow();
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"name\": \"Zo\\u00eb\"}}, \"partial\": null}",
        inserted.bodyText());
    assertNull(inserted.updatedAt(), "NULL updated_at stays unknown");

    List<ListedState> listed = store.list("dev:").collect(Collectors.toList());
    assertEquals(
        List.of("dev:new", "dev:tap-x-to-target-y"),
        listed.stream().map(ListedState::stateId).collect(Collectors.toList()));
    assertNull(listed.get(0).lastModified());
    assertEquals(replacedAt.atZone(ZONE).toInstant(), listed.get(1).lastModified());
  }

  @Test
  void nullColumnsAndIdsMeltanoAcceptsReadAsMeltanoRendersThem() throws Exception {
    String longId = "dev:tap-" + "x".repeat(284) + "-to-y";
    try (Connection c = DriverManager.getConnection(url)) {
      // meltano state import writes a missing part as None: a NULL column.
      MeltanoTables.insertSqlite(c, "team/dev:tap-x-to-y", null, "{\"singer_state\": {}}", null);
      MeltanoTables.insertSqlite(c, longId, "{}", "{\"singer_state\": {\"b\": 2}}", null);
      MeltanoTables.insertSqlite(c, "dev:imported", null, null, null);
    }
    // MeltanoState.to_dict() rendered with json.dumps: None is null.
    assertEquals(
        "{\"completed\": {\"singer_state\": {}}, \"partial\": null}",
        store.get("team/dev:tap-x-to-y").orElseThrow().bodyText());
    assertEquals(
        "{\"completed\": null, \"partial\": null}",
        store.get("dev:imported").orElseThrow().bodyText());
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"b\": 2}}, \"partial\": {}}",
        store.get(longId).orElseThrow().bodyText());
    assertEquals(
        List.of("dev:imported", longId, "team/dev:tap-x-to-y"),
        store.list("").map(ListedState::stateId).collect(Collectors.toList()));

    // Written back as read, a null part is NULL again, as Meltano writes None.
    StateRecord r = store.get("team/dev:tap-x-to-y").orElseThrow();
    store.replace("team/dev:tap-x-to-y", r.bodyText(), r.version(), Deadline.none());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT partial_state IS NULL, completed_state FROM state"
                    + " WHERE state_id = 'team/dev:tap-x-to-y'")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1), "partial_state stays NULL");
      assertEquals("{\"singer_state\": {}}", rs.getString(2));
    }
  }

  @Test
  void rowsWrittenByStatestoreAreWhatMeltanoReads() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    store.upsert(
        "dev:tap-github-to-target-postgres",
        "{\"completed\":{\"singer_state\":{\"bookmarks\":{\"users\":{\"name\":\"Zoë\",\"n\":1.50}}}}}",
        Deadline.none());

    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT completed_state, partial_state, updated_at, typeof(updated_at)"
                    + " FROM state WHERE state_id = ?")) {
      ps.setString(1, "dev:tap-github-to-target-postgres");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        // json.dumps: ", " and ": " separators, non-ASCII escaped, numbers as given.
        assertEquals(
            "{\"singer_state\": {\"bookmarks\": {\"users\": {\"name\": \"Zo\\u00eb\", \"n\": 1.50}}}}",
            rs.getString(1));
        assertEquals("{}", rs.getString(2));
        String updatedAt = rs.getString(3);
        assertEquals("text", rs.getString(4));
        assertTrue(
            updatedAt.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"),
            "SQLAlchemy's DATETIME text: " + updatedAt);
        Instant at =
            LocalDateTime.parse(updatedAt, MeltanoTables.SQLITE_DATETIME).atZone(ZONE).toInstant();
        assertTrue(
            !at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)),
            "naive local time of the store's zone: " + updatedAt);
      }
    }
  }

  @Test
  void replacingAStateKeepsMeltanosTableAsItWas() throws Exception {
    store.upsert("s", "{\"completed\": {\"n\": 1}}", Deadline.none());
    StateRecord first = store.get("s").orElseThrow();
    store.replace("s", "{\"partial\": {\"n\": 2}}", first.version(), Deadline.none());
    assertEquals(
        "{\"completed\": {}, \"partial\": {\"n\": 2}}", store.get("s").orElseThrow().bodyText());

    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'state'")) {
      assertTrue(rs.next());
      assertEquals(MeltanoTables.SQLITE_DDL, rs.getString(1), "Meltano's table is not altered");
    }
    assertTrue(backend.read("s", ObjectKind.LOCK).isEmpty());
  }

  @Test
  void theTablesWeCreateAreMeltanos() throws Exception {
    // Meltano's migration as SQLAlchemy compiles it for PostgreSQL.
    String postgres =
        "CREATE TABLE state (state_id VARCHAR(900) NOT NULL, partial_state VARCHAR,"
            + " completed_state VARCHAR, updated_at TIMESTAMP WITHOUT TIME ZONE,"
            + " PRIMARY KEY (state_id), UNIQUE (state_id))";
    assertEquals(postgres, withoutIfNotExists(Schema.stateTableDdl(Dialect.POSTGRESQL, "state")));
    assertEquals(
        MeltanoTables.SQLITE_DDL.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")"),
        withoutIfNotExists(Schema.stateTableDdl(Dialect.SQLITE, "state")));

    // A SQLite database without the table gets Meltano's columns and types (when asked to).
    String fresh = "jdbc:sqlite:" + dir.resolve("fresh.db");
    try (SystemDbBackend b =
            SystemDbBackend.open(
                SystemDbConfig.of(fresh).withCreateTable(true), Clock.system(ZONE));
        StateStore s = new StateStore(b, StoreOptions.defaults())) {
      s.upsert("dev:a", "{}", Deadline.none());
    }
    try (Connection c = DriverManager.getConnection(fresh);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT name, type, \"notnull\", pk FROM pragma_table_info('state')")) {
      List<String> columns = new java.util.ArrayList<>();
      while (rs.next()) {
        columns.add(
            rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
      }
      assertEquals(
          List.of(
              "state_id VARCHAR(900) 1 1",
              "partial_state VARCHAR 0 0",
              "completed_state VARCHAR 0 0",
              "updated_at DATETIME 0 0"),
          columns);
    }
  }

  private static String withoutIfNotExists(String ddl) {
    return ddl.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE ");
  }

  @Test
  void onH2UpdatedAtIsATimestampInLocalTime() throws Exception {
    String h2 = "jdbc:h2:mem:format-" + UUID.randomUUID();
    try (SystemDbBackend b = SystemDbBackend.open(SystemDbConfig.of(h2), Clock.system(ZONE));
        StateStore s = new StateStore(b, StoreOptions.defaults())) {
      s.upsert("h", "{\"completed\": {\"n\": 1}}", Deadline.none());
      LocalDateTime column =
          b.withConnection(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs =
                        st.executeQuery("SELECT updated_at FROM state WHERE state_id = 'h'")) {
                  rs.next();
                  return rs.getObject(1, LocalDateTime.class);
                }
              });
      Instant read = s.get("h").orElseThrow().updatedAt();
      assertEquals(column.atZone(ZONE).toInstant(), read);
      assertTrue(Duration.between(read, Instant.now()).abs().toSeconds() < 60);
    }
  }
}
