package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.testkit.Secrets;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the connection string comes from, and the errors of wrong credentials, endpoints and
 * containers: each names its source or the container, never a secret.
 */
@ExtendWith(AzuriteExtension.class)
class AzureCredentialsTest {
  private static final String KEY = AzureSettings.CONNECTION_STRING.key();
  private static final String ENV = AzureSettings.CONNECTION_STRING_ENV;
  private static final String DOC = "{\"completed\": {}, \"partial\": {}}";

  /** A well-formed account key that is not the development account's. */
  private static final String WRONG_KEY =
      Base64.getEncoder()
          .encodeToString(
              "not-the-key-of-devstoreaccount1-not-the-key-of-devstoreaccount1"
                  .getBytes(StandardCharsets.US_ASCII));

  private final AzuriteServer azurite;
  private String container;

  AzureCredentialsTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  @BeforeEach
  void createContainer() {
    container = azurite.createContainer("creds");
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }

  private StateStore open(Map<String, String> settings, Map<String, String> env) {
    return open("azure://" + container + "/state", settings, env);
  }

  private static StateStore open(
      String uri, Map<String, String> settings, Map<String, String> env) {
    return StateStores.open(
        uri, settings, Environment.of(env), key -> false, BackendRegistry.load());
  }

  /** Asserts that neither the key nor anything else of the connection string shows. */
  private void assertNoSecret(Throwable e) {
    Secrets.assertNotShown(
        e, List.of(AzuriteServer.KEY, WRONG_KEY, "AccountKey=", "DefaultEndpointsProtocol"));
  }

  private static void roundTrip(StateStore store) {
    store.upsert("dev:x", DOC, Deadline.none());
    assertEquals(DOC, store.get("dev:x").orElseThrow().bodyText());
  }

  @Test
  void missingEverywhereFailsAtOpenNamingBothSources() {
    // A dead endpoint would hang or fail differently: this fails before any request.
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> open(Map.of(), Map.of()).close());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains(KEY), e.getMessage());
    assertTrue(e.getMessage().contains(ENV), e.getMessage());
    StateStoreException blank =
        assertThrows(
            StateStoreException.class, () -> open(Map.of(KEY, "  "), Map.of(ENV, " ")).close());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, blank.kind());
  }

  @Test
  void theEnvironmentVariableIsTheFallback() {
    try (StateStore store = open(Map.of(), Map.of(ENV, azurite.connectionString()))) {
      roundTrip(store);
    }
  }

  @Test
  void meltanosSettingNameWorks() {
    try (StateStore store =
        open(Map.of("state_backend." + KEY, azurite.connectionString()), Map.of())) {
      roundTrip(store);
    }
  }

  @Test
  void theSettingBeatsTheEnvironment() {
    try (StateStore store =
        open(
            Map.of(KEY, azurite.connectionString()),
            Map.of(ENV, azurite.connectionString(WRONG_KEY)))) {
      roundTrip(store);
    }
    try (StateStore store =
        open(
            Map.of(KEY, azurite.connectionString(WRONG_KEY)),
            Map.of(ENV, azurite.connectionString()))) {
      StateStoreException e = assertThrows(StateStoreException.class, () -> store.get("dev:x"));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("the setting " + KEY), e.getMessage());
      assertFalse(e.getMessage().contains(ENV), e.getMessage());
      assertNoSecret(e);
    }
  }

  @Test
  void aWrongKeyIsDeniedNamingItsSourceOnEveryOperation() {
    try (StateStore store = open(Map.of(), Map.of(ENV, azurite.connectionString(WRONG_KEY)))) {
      StateBackend backend = store.backend();
      assertFalse(backend.toString().contains(WRONG_KEY));
      for (Consumer<StateBackend> op :
          java.util.List.<Consumer<StateBackend>>of(
              b -> b.read("x", ObjectKind.STATE),
              b -> b.write("x", ObjectKind.LOCK, new byte[] {'1'}, Precondition.absent()),
              b -> b.delete("x", ObjectKind.STATE, Precondition.none()),
              b -> {
                try (Stream<ListedState> s = b.list(ObjectKind.STATE, "")) {
                  s.count();
                }
              })) {
        StateStoreException e = assertThrows(StateStoreException.class, () -> op.accept(backend));
        assertEquals(ErrorKind.DENIED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("the environment variable " + ENV), e.getMessage());
        assertTrue(e.getMessage().contains("azure://" + container + "/state"), e.getMessage());
        assertNoSecret(e);
      }
    }
  }

  @Test
  void aMalformedConnectionStringFailsAtOpenWithoutShowingIt() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> open(Map.of(KEY, "AccountKey=" + WRONG_KEY + ";nonsense"), Map.of()).close());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("the setting " + KEY), e.getMessage());
    assertFalse(e.getMessage().contains(WRONG_KEY), e.getMessage());
  }

  @Test
  void aMalformedAccountKeyIsAConfigurationErrorAndSavesNothing() throws Exception {
    java.nio.file.Path fallback = java.nio.file.Files.createTempDirectory("azure-fallback");
    String malformedKey = "not*base64!" + WRONG_KEY.substring(0, 20);
    String connection = azurite.connectionString().replace(AzuriteServer.KEY, malformedKey);
    assertTrue(connection.contains(malformedKey), "the test replaced the key");
    try {
      StateStoreException e =
          assertThrows(
              StateStoreException.class,
              () -> {
                try (StateStore store =
                    open(Map.of(KEY, connection, "fallback_dir", fallback.toString()), Map.of())) {
                  store.upsert("dev:a", DOC, Deadline.none());
                }
              });
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("the setting " + KEY), e.getMessage());
      assertFalse(e.getMessage().contains(malformedKey), e.getMessage());
      assertNoSecret(e);
      try (Stream<java.nio.file.Path> saved = java.nio.file.Files.walk(fallback)) {
        assertEquals(1, saved.count(), "nothing saved to fallback_dir");
      }
    } finally {
      try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(fallback)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void aDeadEndpointIsUnavailableWithinSeconds() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + AzuriteServer.KEY
            + ";BlobEndpoint=http://127.0.0.1:"
            + port
            + "/devstoreaccount1;";
    long t0 = System.nanoTime();
    try (StateStore store = open(Map.of(KEY, dead), Map.of())) {
      StateStoreException e = assertThrows(StateStoreException.class, () -> store.get("x"));
      assertEquals(ErrorKind.UNAVAILABLE, e.kind());
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
      assertNoSecret(e);
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertTrue(seconds < 15, "gave up after " + seconds + " s");
  }

  @Test
  void aMissingContainerIsNamedOnEveryOperation() {
    try (StateStore store =
        open("azure://no-such-container/p", Map.of(KEY, azurite.connectionString()), Map.of())) {
      StateBackend backend = store.backend();
      for (Consumer<StateBackend> op :
          java.util.List.<Consumer<StateBackend>>of(
              b -> b.read("x", ObjectKind.STATE),
              b -> b.write("x", ObjectKind.STATE, new byte[] {'1'}, Precondition.none()),
              b -> b.write("x", ObjectKind.LOCK, new byte[] {'1'}, Precondition.absent()),
              b -> b.delete("x", ObjectKind.STATE, Precondition.none()),
              b -> {
                try (Stream<ListedState> s = b.list(ObjectKind.STATE, "")) {
                  s.count();
                }
              })) {
        StateStoreException e = assertThrows(StateStoreException.class, () -> op.accept(backend));
        assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("'no-such-container'"), e.getMessage());
      }
    }
  }
}
