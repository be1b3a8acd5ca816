package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where credentials come from (the setting, then GOOGLE_APPLICATION_CREDENTIALS of an injected
 * environment, then none with an endpoint, then Application Default Credentials), and the errors of
 * missing, invalid and refused ones: each names its source, never the file's path or contents.
 * Service account keys are real JSON key files whose tokens the fake server issues and checks.
 */
class GcsCredentialsTest {
  private static final String KEY = GcsSettings.APPLICATION_CREDENTIALS.key();
  private static final String ENV = GcsSettings.APPLICATION_CREDENTIALS_ENV;
  private static final String GOOD = "state-writer@fake-project.iam.gserviceaccount.com";
  private static final String OTHER = "someone-else@fake-project.iam.gserviceaccount.com";
  private static final String DOC = "{\"completed\": {}, \"partial\": {}}";

  private final FakeGcsServer server = GcsTestStores.server();
  @TempDir Path dir;
  private String bucket;
  private Path good;
  private Path other;

  @BeforeEach
  void setUp() throws IOException {
    bucket = server.newBucket("creds");
    good = server.writeServiceAccountKey(dir, GOOD);
    other = server.writeServiceAccountKey(dir, OTHER);
    server.requireAccounts(GOOD);
  }

  @AfterEach
  void tearDown() {
    server.requireAccounts();
    server.deleteBucket(bucket);
  }

  private StateStore open(Map<String, String> settings, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(settings);
    values.put(GcsSettings.ENDPOINT.key(), server.endpoint());
    return StateStores.open(
        "gs://" + bucket + "/state",
        values,
        Environment.of(env),
        key -> false,
        BackendRegistry.load());
  }

  private static GcsCredentials resolve(Map<String, String> settings, Map<String, String> env) {
    return GcsCredentials.resolve(
        GcsTestStores.settings(settings, env), GcsTestStores.fixedAdc("adc-token"));
  }

  /** Asserts that neither a key file's path nor anything of its contents shows. */
  private void assertNoSecret(Throwable e) throws IOException {
    List<String> secrets = new java.util.ArrayList<>();
    for (Path key : List.of(good, other)) {
      secrets.add(key.toString());
      secrets.add(key.getFileName().toString());
      String json = Files.readString(key);
      int start = json.indexOf("MII");
      secrets.add(json.substring(start, start + 40));
    }
    secrets.add("private_key");
    Secrets.assertNotShown(e, secrets);
  }

  private static void roundTrip(StateStore store) {
    store.upsert("dev:x", DOC, Deadline.none());
    assertEquals(DOC, store.get("dev:x").orElseThrow().bodyText());
  }

  @Test
  void theSettingBeatsTheEnvironmentWhichBeatsApplicationDefaults() {
    GcsCredentials fromSetting =
        resolve(Map.of(KEY, good.toString()), Map.of(ENV, other.toString()));
    assertEquals("the setting " + KEY, fromSetting.source());
    assertEquals(GOOD, ((ServiceAccountCredentials) fromSetting.credentials()).getClientEmail());

    GcsCredentials fromEnv = resolve(Map.of(), Map.of(ENV, other.toString()));
    assertEquals("the environment variable " + ENV, fromEnv.source());
    assertEquals(OTHER, ((ServiceAccountCredentials) fromEnv.credentials()).getClientEmail());
    assertEquals("fake-project", fromEnv.serviceAccountProject().orElseThrow());

    GcsCredentials adc = resolve(Map.of(), Map.of());
    assertEquals("Application Default Credentials", adc.source());
    GoogleCredentials fixed = (GoogleCredentials) adc.credentials();
    assertEquals(new AccessToken("adc-token", null), fixed.getAccessToken());
    assertFalse(adc.toString().contains("adc-token"));
  }

  @Test
  void anEndpointWithoutCredentialsUsesNone() {
    GcsCredentials none =
        resolve(Map.of(GcsSettings.ENDPOINT.key(), "http://127.0.0.1:1"), Map.of());
    assertSame(NoCredentials.getInstance(), none.credentials());
    assertTrue(none.source().contains(GcsSettings.ENDPOINT.key()), none.source());
    // Given credentials still count with an endpoint.
    GcsCredentials given =
        resolve(
            Map.of(GcsSettings.ENDPOINT.key(), "http://127.0.0.1:1"), Map.of(ENV, good.toString()));
    assertInstanceOf(ServiceAccountCredentials.class, given.credentials());
  }

  @Test
  void withoutAnyCredentialsOpeningFailsNamingEverySource() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                GcsCredentials.resolve(
                    GcsTestStores.settings(Map.of(), Map.of()), GcsTestStores.noAdc()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains(KEY), e.getMessage());
    assertTrue(e.getMessage().contains(ENV), e.getMessage());
    assertTrue(e.getMessage().contains("Application Default Credentials"), e.getMessage());
  }

  @Test
  void theSettingsKeyFileIsUsedAgainstTheServer() throws IOException {
    try (StateStore store = open(Map.of(KEY, good.toString()), Map.of(ENV, other.toString()))) {
      roundTrip(store);
    }
    try (StateStore store = open(Map.of(KEY, other.toString()), Map.of(ENV, good.toString()))) {
      StateStoreException e = assertThrows(StateStoreException.class, () -> store.get("dev:x"));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("the setting " + KEY), e.getMessage());
      assertFalse(e.getMessage().contains(ENV), e.getMessage());
      assertNoSecret(e);
    }
  }

  @Test
  void theEnvironmentVariableIsTheFallbackAndMeltanosNameWorks() {
    try (StateStore store = open(Map.of(), Map.of(ENV, good.toString()))) {
      roundTrip(store);
    }
    try (StateStore store =
        open(Map.of("state_backend." + KEY, good.toString()), Map.of(ENV, other.toString()))) {
      roundTrip(store);
    }
  }

  @Test
  void aRefusedAccountIsDeniedNamingItsSourceOnEveryOperation() throws IOException {
    try (StateStore store = open(Map.of(), Map.of(ENV, other.toString()))) {
      StateBackend backend = store.backend();
      assertFalse(backend.toString().contains(other.toString()));
      for (Consumer<StateBackend> op :
          List.<Consumer<StateBackend>>of(
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
        assertTrue(e.getMessage().contains("gs://" + bucket + "/state"), e.getMessage());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
        assertNoSecret(e);
      }
    }
  }

  @Test
  void noCredentialsAtAllAreRefusedWith401() throws IOException {
    try (StateStore store = open(Map.of(), Map.of())) {
      StateStoreException e = assertThrows(StateStoreException.class, () -> store.get("x"));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("401"), e.getMessage());
      assertTrue(e.getMessage().contains("no credentials"), e.getMessage());
    }
  }

  @Test
  void aMissingKeyFileFailsAtOpenNamingItsSourceNotItsPath() throws IOException {
    Path missing = dir.resolve("no-such-key.json");
    StateStoreException fromSetting =
        assertThrows(
            StateStoreException.class, () -> open(Map.of(KEY, missing.toString()), Map.of()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, fromSetting.kind());
    assertTrue(fromSetting.getMessage().contains("the setting " + KEY), fromSetting.getMessage());
    assertTrue(fromSetting.getMessage().contains("does not exist"), fromSetting.getMessage());
    assertFalse(fromSetting.getMessage().contains("no-such-key"), fromSetting.getMessage());

    StateStoreException fromEnv =
        assertThrows(
            StateStoreException.class, () -> open(Map.of(), Map.of(ENV, missing.toString())));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, fromEnv.kind());
    assertTrue(
        fromEnv.getMessage().contains("the environment variable " + ENV), fromEnv.getMessage());
    assertFalse(fromEnv.getMessage().contains("no-such-key"), fromEnv.getMessage());
  }

  @Test
  void anInvalidKeyFileFailsAtOpenWithoutShowingItsContents() throws IOException {
    Path garbage = Files.createTempFile(dir, "garbage-", ".json");
    Files.writeString(
        garbage, "{\"type\": \"service_account\", \"private_key\": \"s3cr3t-material\"");
    Path unknownType = Files.createTempFile(dir, "unknown-", ".json");
    Files.writeString(
        unknownType,
        "{\"type\": \"mystery\", \"secret\": \"s3cr3t-material\"}",
        StandardCharsets.UTF_8);
    Path directory = Files.createDirectory(dir.resolve("a-directory"));
    for (Path bad : List.of(garbage, unknownType, directory)) {
      StateStoreException e =
          assertThrows(
              StateStoreException.class, () -> open(Map.of(KEY, bad.toString()), Map.of()));
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("the setting " + KEY), e.getMessage());
      Secrets.assertNotShown(e, List.of("s3cr3t-material", bad.getFileName().toString()));
    }
  }
}
