package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * statestore never writes states where Meltano's migrations would drop them. Meltano's migration
 * 6828cc5b1a4f drops any existing {@code state} table before creating its own, and Meltano runs it
 * on the first command in a database whose {@code alembic_version} does not show it ran: states
 * written there before would be lost. {@link MeltanoTables#runMeltanoMigrations} is that
 * migration's effect on the state table.
 */
class MeltanoMigrationSafetyTest {
  private static final String BODY = "{\"completed\": {\"singer_state\": {}}, \"partial\": {}}";

  @TempDir Path dir;

  private static String store(String jdbcUrl) {
    return "systemdb:" + jdbcUrl;
  }

  @Test
  void aMigratedMeltanoDatabaseIsWrittenAndMeltanosNextCommandKeepsTheStates() throws Exception {
    String url = MeltanoTables.createSqlite(dir.resolve("meltano.db"));
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      s.upsert("dev:tap-x-to-target-y", BODY, Deadline.none());
    }
    MeltanoTables.runMeltanoMigrations(url);
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      assertEquals(List.of("dev:tap-x-to-target-y"), ids(s));
    }
  }

  @Test
  void aDatabaseMeltanoHasNotMigratedIsNotGivenAStateTable() throws Exception {
    Path file = dir.resolve("meltano.db");
    String url = "jdbc:sqlite:" + file;
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE other (x INTEGER)"); // a database, but not one Meltano set up
    }
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      assertEquals(List.of(), ids(s));
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> s.upsert("dev:a", BODY, Deadline.none()));
      assertRefusal(e);
    }
    assertEquals(List.of("other"), tables(url), "nothing was created");
  }

  @Test
  void aStateTableWithoutAlembicVersionIsReadButNotWritten() throws Exception {
    String url = MeltanoTables.createUnmigratedSqlite(dir.resolve("meltano.db"));
    try (Connection c = DriverManager.getConnection(url)) {
      MeltanoTables.insertSqlite(c, "dev:old", "{}", "{}", null);
    }
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      assertEquals(List.of("dev:old"), ids(s));
      assertTrue(s.get("dev:old").isPresent());
      assertRefusal(
          assertThrows(
              StateStoreException.class, () -> s.upsert("dev:new", BODY, Deadline.none())));
    }
    assertEquals(List.of("state"), tables(url), "no lock table either");
  }

  @Test
  void aDatabaseStoppedBeforeTheStateTableMigrationIsRefused() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("meltano.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(MeltanoTables.ALEMBIC_DDL);
      st.execute(
          "INSERT INTO alembic_version VALUES ('"
              + MeltanoTables.REVISION_BEFORE_STATE_TABLE
              + "')");
    }
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> s.upsert("dev:a", BODY, Deadline.none()));
      assertRefusal(e);
      assertTrue(
          e.getMessage().contains(MeltanoTables.REVISION_BEFORE_STATE_TABLE), e.getMessage());
    }
    assertEquals(List.of("alembic_version"), tables(url));
  }

  @Test
  void createTableAsksForTheTableAndShowsWhyItIsNotTheDefault() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("meltano.db");
    try (StateStore s = StateStores.open(store(url), Map.of("systemdb.create_table", "true"))) {
      s.upsert("dev:a", BODY, Deadline.none());
      assertEquals(List.of("dev:a"), ids(s));
    }
    assertEquals(List.of("state", "statestore_lock"), tables(url));
    // Meltano's first command in this database: its migration drops the table and the state.
    MeltanoTables.runMeltanoMigrations(url);
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      assertEquals(List.of(), ids(s));
    }
  }

  @Test
  void aMissingSqliteFileIsNotCreatedByReadsNorByARefusedWrite() throws Exception {
    Path file = dir.resolve("meltano.db");
    String url = "jdbc:sqlite:" + file;
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      assertEquals(List.of(), ids(s));
      assertTrue(s.get("dev:a").isEmpty());
      assertEquals(0, s.locks("", Deadline.none()).count());
      assertRefusal(
          assertThrows(StateStoreException.class, () -> s.upsert("dev:a", BODY, Deadline.none())));
    }
    assertFalse(Files.exists(file), "the database file was created");
    try (StateStore s = StateStores.open(store(url), Map.of("systemdb.create_table", "true"))) {
      assertEquals(List.of(), ids(s));
      assertFalse(Files.exists(file), "a read created the database file");
      s.upsert("dev:a", BODY, Deadline.none());
      assertEquals(List.of("dev:a"), ids(s));
    }
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void h2DatabasesAreStatestoresOwnAndGetTheirTable() throws Exception {
    // Meltano cannot use H2 (SQLAlchemy has no H2 dialect), so no migration of its can drop it.
    String url = "jdbc:h2:file:" + dir.resolve("own");
    try (StateStore s = StateStores.open(store(url), Map.of())) {
      s.upsert("dev:a", BODY, Deadline.none());
      assertEquals(List.of("dev:a"), ids(s));
    }
  }

  private static void assertRefusal(StateStoreException e) {
    assertEquals(ErrorKind.UNSUPPORTED, e.kind(), e.toString());
    String m = e.getMessage();
    assertTrue(m.contains("meltano"), m);
    assertTrue(m.contains("systemdb.create_table=true"), m);
    assertTrue(m.contains("alembic_version"), m);
  }

  private static List<String> ids(StateStore s) {
    return s.list("").map(ListedState::stateId).toList();
  }

  private static List<String> tables(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return MeltanoTables.tables(c);
    }
  }
}
