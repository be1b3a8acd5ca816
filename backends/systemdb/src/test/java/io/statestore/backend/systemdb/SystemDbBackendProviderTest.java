package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening {@code systemdb:} stores by URI, through the {@link java.util.ServiceLoader}. */
class SystemDbBackendProviderTest {
  @TempDir Path dir;

  private static String memUrl() {
    return "systemdb:jdbc:h2:mem:provider-" + UUID.randomUUID();
  }

  private static ErrorKind kindOf(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  @Test
  void opensThroughTheServiceLoader() {
    try (StateStore store = StateStores.open("systemdb:jdbc:h2:mem:x", Map.of())) {
      assertInstanceOf(SystemDbBackend.class, store.backend());
      assertEquals("systemdb:jdbc:h2:mem:x", store.describe());
      store.upsert("dev:a", "{\"completed\": {\"n\": 1}}", Deadline.none());
      assertEquals(
          "{\"completed\": {\"n\": 1}, \"partial\": {}}",
          store.get("dev:a").orElseThrow().bodyText());
    }
  }

  @Test
  void jdbcUserAndPasswordMapOntoTheSettingsAndThePasswordIsNeverShown() {
    String url = memUrl();
    try (StateStore owner = StateStores.open(url, Map.of("user", "sa", "password", "s3cret-pw"))) {
      owner.upsert("a", "{}", Deadline.none());
      try (StateStore again = StateStores.open(url + "?user=sa&password=s3cret-pw", Map.of())) {
        assertTrue(again.get("a").isPresent(), "user and password as URL parameters");
        assertFalse(again.describe().contains("s3cret"));
      }
      try (StateStore explicit =
          StateStores.open(url, Map.of("systemdb.user", "sa", "systemdb.password", "s3cret-pw"))) {
        assertTrue(explicit.get("a").isPresent(), "the settings' own keys");
      }
      StateStoreException e =
          assertThrows(
              StateStoreException.class,
              () -> StateStores.open(url, Map.of("user", "sa", "password", "wrong-pw")));
      assertEquals(ErrorKind.DENIED, e.kind(), e.toString());
      assertFalse(e.getMessage().contains("wrong-pw"), e.getMessage());
      assertTrue(e.getMessage().contains("jdbc:h2:mem:provider-"), e.getMessage());
    }
  }

  @Test
  void unknownQueryParametersStayInTheJdbcUrl() throws Exception {
    Path file = dir.resolve("meltano.db");
    MeltanoTables.createSqlite(file);
    String uri = "systemdb:jdbc:sqlite:" + file + "?busy_timeout=1234&lock_retry_seconds=0.5";
    try (StateStore store = StateStores.open(uri, Map.of())) {
      assertEquals("systemdb:jdbc:sqlite:" + file + "?busy_timeout=1234", store.describe());
      SystemDbBackend backend = (SystemDbBackend) store.backend();
      int busyTimeout =
          backend.withConnection(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertEquals(1234, busyTimeout, "the URL's value wins over statestore's default");
      assertEquals(0.5, store.options().lockRetry().toMillis() / 1000.0, "a setting is taken out");
    }
  }

  @Test
  void tableSettingsChooseTheTables() {
    String url = memUrl();
    Map<String, String> settings =
        Map.of("systemdb.table", "meltano_state", "systemdb.lock_table", "my_locks");
    try (StateStore store = StateStores.open(url, settings)) {
      store.upsert("t", "{}", Deadline.none());
      SystemDbBackend backend = (SystemDbBackend) store.backend();
      List<String> tables =
          backend.withConnection(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                                + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1")) {
                  List<String> out = new java.util.ArrayList<>();
                  while (rs.next()) {
                    out.add(rs.getString(1));
                  }
                  return out;
                }
              });
      assertEquals(List.of("meltano_state", "my_locks"), tables);
    }
  }

  @Test
  void badUrisAndSettingsFailBeforeAnythingIsWritten() {
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION, kindOf(() -> StateStores.open("systemdb:foo", Map.of())));
    StateStoreException noDriver =
        assertThrows(
            StateStoreException.class,
            () -> StateStores.open("systemdb:jdbc:nosuchdb://h/db", Map.of()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, noDriver.kind());
    assertTrue(noDriver.getMessage().contains("jdbc:nosuchdb:"), noDriver.getMessage());
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION,
        kindOf(() -> StateStores.open(memUrl(), Map.of("systemdb.table", "state; DROP TABLE x"))));
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION,
        kindOf(() -> StateStores.open(memUrl(), Map.of("systemdb.lock_table", "STATE"))));
  }

  @Test
  void aTableThatIsNotMeltanosIsRefused() {
    String url = memUrl();
    try (StateStore first = StateStores.open(url, Map.of("systemdb.table", "other"))) {
      ((SystemDbBackend) first.backend())
          .withConnection(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute("CREATE TABLE state (state_id VARCHAR(10) PRIMARY KEY, body CLOB)");
                }
                return null;
              });
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> StateStores.open(url, Map.of()));
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
      assertTrue(e.getMessage().contains("partial_state"), e.getMessage());
    }
  }

  @Test
  void prefixesAreLiteralAndCaseSensitiveEvenWhereLikeIsNot() throws Exception {
    Path file = dir.resolve("meltano.db");
    MeltanoTables.createSqlite(file);
    try (StateStore store = StateStores.open("systemdb:jdbc:sqlite:" + file, Map.of())) {
      for (String id : List.of("a_b", "axb", "a%c", "a\\b", "A_b", "Dev:x", "dev:y")) {
        store
            .backend()
            .write(
                id,
                io.statestore.spi.ObjectKind.STATE,
                "{\"completed\": {}, \"partial\": {}}".getBytes(),
                io.statestore.spi.Precondition.none());
      }
      assertEquals(List.of("a_b"), ids(store, "a_"));
      assertEquals(List.of("a%c"), ids(store, "a%"));
      assertEquals(List.of("a\\b"), ids(store, "a\\"));
      assertEquals(List.of("dev:y"), ids(store, "dev:"));
      assertEquals(List.of("A_b", "Dev:x", "a%c", "a\\b", "a_b", "axb", "dev:y"), ids(store, ""));
    }
  }

  private static List<String> ids(StateStore store, String prefix) {
    try (var s = store.backend().list(io.statestore.spi.ObjectKind.STATE, prefix)) {
      return s.map(io.statestore.spi.ListedState::stateId).collect(Collectors.toList());
    }
  }
}
