package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Where credentials come from, and that no message or string shows them. */
class S3CredentialsTest {
  private static final String URI_WITH_KEYS = "s3://URIKEY:uri%2Fsecret@bucket/prefix";

  @TempDir Path home;

  /** An environment whose HOME has no AWS files, plus {@code vars}. */
  private Environment env(Map<String, String> vars) {
    Map<String, String> all = new HashMap<>(vars);
    all.putIfAbsent("HOME", home.toString());
    return Environment.of(all);
  }

  private static Settings settings(Map<String, String> values, Environment env) {
    return new Settings(S3Settings.ALL, values, env);
  }

  private static S3Credentials resolve(String uri, Map<String, String> values, Environment env) {
    return S3Credentials.resolve(settings(values, env), S3Location.parse(StoreLocation.parse(uri)));
  }

  private static AwsCredentials keysOf(S3Credentials c) {
    return c.provider().resolveCredentials();
  }

  private static final Map<String, String> SETTING_KEYS =
      Map.of("s3.aws_access_key_id", "SETKEY", "s3.aws_secret_access_key", "set-secret");
  private static final Map<String, String> ENV_KEYS =
      Map.of("AWS_ACCESS_KEY_ID", "ENVKEY", "AWS_SECRET_ACCESS_KEY", "env-secret");

  @Test
  void settingsBeatUriUserInfoAndEnvironment() {
    S3Credentials c = resolve(URI_WITH_KEYS, SETTING_KEYS, env(ENV_KEYS));
    assertEquals("setting s3.aws_access_key_id", c.source());
    assertEquals("SETKEY", keysOf(c).accessKeyId());
    assertEquals("set-secret", keysOf(c).secretAccessKey());
  }

  @Test
  void uriUserInfoBeatsEnvironment() {
    S3Credentials c = resolve(URI_WITH_KEYS, Map.of(), env(ENV_KEYS));
    assertEquals("URI user info", c.source());
    assertEquals("URIKEY", keysOf(c).accessKeyId());
    assertEquals("uri/secret", keysOf(c).secretAccessKey());
  }

  @Test
  void environmentVariablesComeFromTheInjectedEnvironment() {
    Map<String, String> vars = new HashMap<>(ENV_KEYS);
    vars.put("AWS_SESSION_TOKEN", "env-token");
    S3Credentials c = resolve("s3://bucket/prefix", Map.of(), env(vars));
    assertEquals(S3Credentials.FROM_ENVIRONMENT, c.source());
    AwsSessionCredentials keys = (AwsSessionCredentials) keysOf(c);
    assertEquals("ENVKEY", keys.accessKeyId());
    assertEquals("env-secret", keys.secretAccessKey());
    assertEquals("env-token", keys.sessionToken());
  }

  @Test
  void awsProfileNamedByTheEnvironment() throws IOException {
    Path credentials = home.resolve("creds");
    Files.writeString(
        credentials,
        "[default]\naws_access_key_id = DEFKEY\naws_secret_access_key = def-secret\n"
            + "[ci]\naws_access_key_id = CIKEY\naws_secret_access_key = ci-secret\n");
    Map<String, String> vars =
        Map.of(
            "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
            "AWS_CONFIG_FILE", home.resolve("none").toString());

    S3Credentials named = resolve("s3://b", Map.of(), env(withProfile(vars, "ci")));
    assertEquals("AWS profile 'ci' (AWS_PROFILE)", named.source());
    assertEquals("CIKEY", keysOf(named).accessKeyId());

    S3Credentials byDefault = resolve("s3://b", Map.of(), env(vars));
    assertEquals("default AWS chain (profile 'default')", byDefault.source());
    if (System.getenv("AWS_ACCESS_KEY_ID") == null
        && System.getProperty("aws.accessKeyId") == null) {
      assertEquals("DEFKEY", keysOf(byDefault).accessKeyId(), "the chain reads the files given");
    }
    byDefault.close();
  }

  @Test
  void anUnknownAwsProfileFailsFast() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> resolve("s3://b", Map.of(), env(Map.of("AWS_PROFILE", "nowhere"))));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
  }

  private static Map<String, String> withProfile(Map<String, String> vars, String profile) {
    Map<String, String> out = new HashMap<>(vars);
    out.put("AWS_PROFILE", profile);
    return out;
  }

  @Test
  void otherwiseTheDefaultChain() {
    S3Credentials c = resolve("s3://bucket", Map.of(), env(Map.of()));
    assertEquals("default AWS chain", c.source());
    c.close();
  }

  @Test
  void blankSettingsCountAsUnset() {
    S3Credentials c =
        resolve(
            URI_WITH_KEYS,
            Map.of("s3.aws_access_key_id", " ", "s3.aws_secret_access_key", ""),
            env(Map.of()));
    assertEquals("URI user info", c.source());
  }

  @Test
  void halfAKeyPairFailsFastNamingTheMissingSetting() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> resolve(URI_WITH_KEYS, Map.of("s3.aws_access_key_id", "ONLYKEY"), env(Map.of())));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("'s3.aws_secret_access_key' is not"), e.getMessage());
    assertFalse(e.getMessage().contains("ONLYKEY"));
    assertFalse(e.getMessage().contains("uri/secret"));
    assertFalse(e.getMessage().contains("URIKEY"));
  }

  @Test
  void jdbcUserAndPasswordAndMeltanoNamesMapOntoTheKeys() {
    Map<String, String> props = new HashMap<>();
    props.put("user", "JDBCUSER");
    props.put("password", "jdbc-password");
    StateStores.Resolved r =
        StateStores.resolve(
            "s3://bucket/prefix", props, env(Map.of()), key -> false, BackendRegistry.load());
    S3Credentials c = S3Credentials.resolve(r.settings(), S3Location.parse(r.location()));
    assertEquals("setting s3.aws_access_key_id", c.source());
    assertEquals("JDBCUSER", keysOf(c).accessKeyId());
    assertEquals("jdbc-password", keysOf(c).secretAccessKey());

    Map<String, String> meltano =
        Map.of(
            "state_backend.s3.aws_access_key_id", "MELTANOKEY",
            "state_backend.s3.aws_secret_access_key", "meltano-secret",
            "user", "ignored-alias");
    StateStores.Resolved m =
        StateStores.resolve(
            "s3://bucket/prefix", meltano, env(Map.of()), key -> false, BackendRegistry.load());
    assertEquals(
        "MELTANOKEY",
        keysOf(S3Credentials.resolve(m.settings(), S3Location.parse(m.location()))).accessKeyId());
    assertFalse(m.settings().toString().contains("meltano-secret"));
  }

  @Test
  void secretSettingsAreSensitive() {
    assertTrue(S3Settings.SECRET_ACCESS_KEY.sensitive());
    assertTrue(S3Settings.ACCESS_KEY_ID.sensitive());
    assertEquals(java.util.List.of("user"), S3Settings.ACCESS_KEY_ID.aliases());
    assertEquals(java.util.List.of("password"), S3Settings.SECRET_ACCESS_KEY.aliases());
  }
}
