package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.Deadline;
import io.statestore.core.StateLock;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.core.StoreOptions;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import io.statestore.testkit.Secrets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 backend against a real S3-compatible server: layout, listing, errors, credentials. */
class S3BackendTest {
  private static final String DOC = "{\"completed\": {\"singer_state\": {}}, \"partial\": {}}";

  private S3ProxyServer server;
  private S3Client admin;
  private String bucket;

  @BeforeEach
  void freshBucket() {
    server = S3ProxyServer.get();
    admin = server.admin();
    bucket = server.newBucket();
  }

  private List<String> keys() {
    return admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private HeadObjectResponse head(String key) {
    return admin.headObject(b -> b.bucket(bucket).key(key));
  }

  private void put(String key, String body) {
    admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  private static List<String> ids(ObjectStoreBackend backend, ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).toList();
    }
  }

  // ------------------------------------------------------------------ layout

  @Test
  void layoutIsMeltanosWithJsonContentType() {
    try (ObjectStoreBackend backend =
            server.open("s3://" + bucket + "//team/state//", Map.of(), 1000);
        StateStore store = new StateStore(backend, StoreOptions.defaults())) {
      String id = "dev:tap-github-to-target-postgres";
      try (StateLock lock = store.lock(id, Deadline.none())) {
        assertEquals(id, lock.stateId());
        assertEquals(List.of("team/state/" + id + "/lock"), keys());
        assertEquals("application/json", head("team/state/" + id + "/lock").contentType());
      }
      store.upsert(id, DOC, Deadline.none());
      assertEquals(List.of("team/state/" + id + "/state.json"), keys());
      HeadObjectResponse state = head("team/state/" + id + "/state.json");
      assertEquals("application/json", state.contentType());
      assertArrayEquals(
          DOC.getBytes(StandardCharsets.UTF_8),
          admin
              .getObjectAsBytes(b -> b.bucket(bucket).key("team/state/" + id + "/state.json"))
              .asByteArray());
      assertEquals("s3://" + bucket + "/team/state", backend.describe());
    }
  }

  @Test
  void withoutAPrefixStatesLieAtTheBucketsRoot() {
    try (ObjectStoreBackend backend = server.open("s3://" + bucket, Map.of(), 1000)) {
      backend.write(
          "x", ObjectKind.STATE, DOC.getBytes(StandardCharsets.UTF_8), Precondition.none());
      backend.write(
          "x", ObjectKind.LOCK, "1.5".getBytes(StandardCharsets.UTF_8), Precondition.none());
      assertEquals(List.of("x/lock", "x/state.json"), keys());
      assertEquals(List.of("x"), ids(backend, ObjectKind.STATE, ""));
      assertEquals("s3://" + bucket, backend.describe());
    }
  }

  @Test
  void readsWhatMeltanoWroteAndIgnoresForeignObjects() {
    put("state/meltano-id/state.json", DOC);
    put("state/meltano-id/lock", "1723058800.123456");
    put("state/notes.txt", "x");
    put("state/deeper/folder/state.json", DOC);
    put("state/other/readme.json", DOC);
    put("stateful/sibling/state.json", DOC);
    put("unrelated/state.json", DOC);
    try (ObjectStoreBackend backend = server.open("s3://" + bucket + "/state", Map.of(), 1000);
        StateStore store = new StateStore(backend, StoreOptions.defaults())) {
      assertEquals(List.of("meltano-id"), ids(backend, ObjectKind.STATE, ""));
      assertEquals(List.of("meltano-id"), ids(backend, ObjectKind.LOCK, ""));
      assertEquals(DOC, store.get("meltano-id").orElseThrow().bodyText());
      assertTrue(store.lockInfo("meltano-id", Deadline.none()).isPresent());
    }
  }

  // ------------------------------------------------------------------ listing

  @Test
  void pagesAreFetchedAsTheStreamIsConsumed() {
    try (ObjectStoreBackend backend = server.open("s3://" + bucket + "/p", Map.of(), 2)) {
      for (int i = 0; i < 10; i++) {
        backend.write(
            "k" + i, ObjectKind.STATE, DOC.getBytes(StandardCharsets.UTF_8), Precondition.none());
      }
      try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "k")) {
        Iterator<ListedState> it = s.iterator();
        assertEquals("k0", it.next().stateId());
        // Written after the first page was read: a lazy listing still sees it.
        backend.write(
            "k99", ObjectKind.STATE, DOC.getBytes(StandardCharsets.UTF_8), Precondition.none());
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(e -> rest.add(e.stateId()));
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k99"), rest);
      }
    }
  }

  // ------------------------------------------------------------------ conditional writes

  @Test
  void conditionalWritesMapToTheSpisErrorKinds() {
    byte[] doc = DOC.getBytes(StandardCharsets.UTF_8);
    try (ObjectStoreBackend backend = server.open("s3://" + bucket, Map.of(), 1000)) {
      Version v1 = backend.write("c", ObjectKind.STATE, doc, Precondition.absent());
      assertTrue(v1.token().startsWith("\""), "an ETag: " + v1);
      assertEquals(v1, backend.read("c", ObjectKind.STATE).orElseThrow().version());
      assertEquals(
          ErrorKind.ALREADY_EXISTS,
          kind(() -> backend.write("c", ObjectKind.STATE, doc, Precondition.absent())));
      Version v2 =
          backend.write(
              "c",
              ObjectKind.STATE,
              "{}".getBytes(StandardCharsets.UTF_8),
              Precondition.matches(v1));
      assertEquals(
          ErrorKind.CONFLICT,
          kind(() -> backend.write("c", ObjectKind.STATE, doc, Precondition.matches(v1))));
      assertEquals(
          ErrorKind.CONFLICT,
          kind(() -> backend.write("gone", ObjectKind.STATE, doc, Precondition.matches(v1))));
      assertEquals(
          ErrorKind.CONFLICT,
          kind(() -> backend.delete("c", ObjectKind.STATE, Precondition.matches(v1))));
      assertEquals(
          ErrorKind.CONFLICT,
          kind(() -> backend.delete("gone", ObjectKind.STATE, Precondition.matches(v1))));
      assertTrue(backend.delete("c", ObjectKind.STATE, Precondition.matches(v2)));
      assertFalse(backend.delete("c", ObjectKind.STATE, Precondition.none()));
    }
  }

  @Test
  void aConditionalWriteWhoseAnswerWasLostIsNotMistakenForALostRace() {
    WriteSerializingProxy proxy = server.proxy();
    Assumptions.assumeTrue(proxy != null, "needs the proxy");
    byte[] stamp = "1723058800.5".getBytes(StandardCharsets.UTF_8);
    try (ObjectStoreBackend backend = server.open("s3://" + bucket, Map.of(), 1000)) {
      proxy.dropNextResponse("/lossy/lock");
      Version v1 = backend.write("lossy", ObjectKind.LOCK, stamp, Precondition.absent());
      assertEquals(v1, backend.read("lossy", ObjectKind.LOCK).orElseThrow().version());

      byte[] next = "1723058900.5".getBytes(StandardCharsets.UTF_8);
      proxy.dropNextResponse("/lossy/lock");
      Version v2 = backend.write("lossy", ObjectKind.LOCK, next, Precondition.matches(v1));
      assertArrayEquals(next, backend.read("lossy", ObjectKind.LOCK).orElseThrow().content());

      proxy.dropNextResponse("/lossy/lock");
      assertTrue(backend.delete("lossy", ObjectKind.LOCK, Precondition.matches(v2)));
      assertTrue(backend.read("lossy", ObjectKind.LOCK).isEmpty());

      backend.write("other", ObjectKind.LOCK, stamp, Precondition.none());
      proxy.dropNextResponse("/other/lock");
      assertEquals(
          ErrorKind.ALREADY_EXISTS,
          kind(() -> backend.write("other", ObjectKind.LOCK, next, Precondition.absent())),
          "someone else's object is still refused");
    }
  }

  private static ErrorKind kind(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  // ------------------------------------------------------------------ errors and credentials

  @Test
  void aWrongSecretIsDeniedNamingTheSettingNeverTheSecret() {
    String secret = "WRONG-secret-value-123";
    try (ObjectStoreBackend backend =
        server.open("s3://" + bucket, Map.of(S3Settings.SECRET_ACCESS_KEY.key(), secret), 1000)) {
      assertEquals("setting s3.aws_access_key_id", credentialSource(backend));
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> backend.read("x", ObjectKind.STATE));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("setting s3.aws_access_key_id"), e.getMessage());
      assertTrue(e.getMessage().contains(bucket), e.getMessage());
      assertNoSecret(e, secret);
      assertNoSecret(e, S3ProxyServer.SECRET_KEY);
      assertEquals(
          ErrorKind.DENIED,
          assertThrows(StateStoreException.class, () -> ids(backend, ObjectKind.STATE, "")).kind());
    }
  }

  @Test
  void aWrongKeyInTheUriIsDeniedNamingTheUri() {
    Map<String, String> noKeys = new HashMap<>();
    noKeys.put(S3Settings.ACCESS_KEY_ID.key(), null);
    noKeys.put(S3Settings.SECRET_ACCESS_KEY.key(), null);
    String uri = "s3://UNKNOWNKEY:" + enc("uri/secret+1") + "@" + bucket + "/p";
    try (ObjectStoreBackend backend = server.open(uri, noKeys, 1000)) {
      assertEquals("URI user info", credentialSource(backend));
      assertEquals("s3://" + bucket + "/p", backend.describe());
      assertFalse(backend.toString().contains("uri/secret"));
      StateStoreException e =
          assertThrows(
              StateStoreException.class,
              () -> backend.write("x", ObjectKind.LOCK, new byte[] {'1'}, Precondition.absent()));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("URI user info"), e.getMessage());
      assertNoSecret(e, "uri/secret+1");
    }
  }

  @Test
  void rightKeysInTheUriAndInTheEnvironmentWork() {
    Map<String, String> noKeys = new HashMap<>();
    noKeys.put(S3Settings.ACCESS_KEY_ID.key(), null);
    noKeys.put(S3Settings.SECRET_ACCESS_KEY.key(), null);
    String uri =
        "s3://" + S3ProxyServer.ACCESS_KEY + ":" + enc(S3ProxyServer.SECRET_KEY) + "@" + bucket;
    try (ObjectStoreBackend backend = server.open(uri, noKeys, 1000)) {
      assertTrue(backend.read("x", ObjectKind.STATE).isEmpty());
    }
    Environment env =
        Environment.of(
            Map.of(
                "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY));
    try (ObjectStoreBackend backend =
        server.open("s3://" + bucket, server.settings(noKeys, env), 1000)) {
      assertEquals(S3Credentials.FROM_ENVIRONMENT, credentialSource(backend));
      assertTrue(backend.read("x", ObjectKind.STATE).isEmpty());
    }
  }

  @Test
  void aMissingBucketIsAConfigurationErrorNamingIt() {
    try (ObjectStoreBackend backend = server.open("s3://no-such-bucket-here/p", Map.of(), 1000)) {
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> backend.read("x", ObjectKind.STATE));
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
      assertTrue(e.getMessage().contains("'no-such-bucket-here' does not exist"), e.getMessage());
      assertEquals(
          ErrorKind.INVALID_CONFIGURATION,
          assertThrows(StateStoreException.class, () -> ids(backend, ObjectKind.STATE, "")).kind());
    }
  }

  @Test
  void anUnreachableStoreIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Map<String, String> settings = Map.of("s3.endpoint_url", "http://127.0.0.1:" + closedPort);
    try (ObjectStoreBackend backend = server.open("s3://" + bucket, settings, 1000)) {
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> backend.read("x", ObjectKind.STATE));
      assertEquals(ErrorKind.UNAVAILABLE, e.kind());
      assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
      assertNoSecret(e, S3ProxyServer.SECRET_KEY);
    }
  }

  @Test
  void openedByUriThroughTheRegistryWithJdbcProperties() {
    Map<String, String> props = new HashMap<>();
    props.put("user", S3ProxyServer.ACCESS_KEY);
    props.put("password", S3ProxyServer.SECRET_KEY);
    String uri =
        "s3://"
            + bucket
            + "/meltano?s3.endpoint_url="
            + enc(server.endpoint().toString())
            + "&s3.region=us-east-1";
    try (StateStore store =
        StateStores.open(
            uri, props, Environment.of(Map.of()), k -> false, BackendRegistry.load())) {
      assertEquals("s3://" + bucket + "/meltano", store.describe());
      assertEquals(
          "setting s3.aws_access_key_id", credentialSource((ObjectStoreBackend) store.backend()));
      store.insert("dev:a", DOC, Deadline.none());
      assertEquals(List.of("dev:a"), store.list("dev:").map(ListedState::stateId).toList());
      assertEquals(List.of("meltano/dev:a/state.json"), keys());
    }
  }

  @Test
  void aMissingBucketInTheUriFailsBeforeAnyNetworkCall() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                StateStores.open(
                    "s3:///prefix",
                    Map.of("s3.endpoint_url", "http://127.0.0.1:1"),
                    Environment.of(Map.of()),
                    k -> false,
                    BackendRegistry.load()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("no bucket"), e.getMessage());
  }

  private static String credentialSource(ObjectStoreBackend backend) {
    return ((S3StoreClient) backend.client()).credentialSource();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void assertNoSecret(Throwable e, String secret) {
    Secrets.assertNotShown(e, List.of(secret));
  }
}
