package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3ClientOptionsTest {
  @TempDir Path home;

  private S3ClientOptions options(Map<String, String> values, Map<String, String> vars) {
    Map<String, String> all = new HashMap<>(vars);
    all.putIfAbsent("HOME", home.toString());
    return S3ClientOptions.from(new Settings(S3Settings.ALL, values, Environment.of(all)));
  }

  @Test
  void regionFromSettingThenEnvironmentThenProfileThenDefault() throws IOException {
    Map<String, String> vars = new HashMap<>();
    vars.put("AWS_REGION", "eu-west-1");
    vars.put("AWS_DEFAULT_REGION", "eu-west-2");
    assertEquals("ap-south-1", options(Map.of("s3.region", "ap-south-1"), vars).region());
    assertEquals("eu-west-1", options(Map.of(), vars).region());
    vars.remove("AWS_REGION");
    assertEquals("eu-west-2", options(Map.of(), vars).region());

    Path config = home.resolve("config");
    Files.writeString(config, "[profile ci]\nregion = sa-east-1\n[default]\nregion = us-west-2\n");
    Map<String, String> profile = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "ci");
    assertEquals("sa-east-1", options(Map.of(), profile).region());
    assertEquals(
        "us-west-2", options(Map.of(), Map.of("AWS_CONFIG_FILE", config.toString())).region());

    S3ClientOptions none = options(Map.of(), Map.of());
    assertEquals("us-east-1", none.region());
    assertFalse(none.regionGiven());
    assertNull(none.endpoint());
    assertFalse(none.pathStyle());
  }

  @Test
  void pathStyleDefaultsToTrueWithAnEndpoint() {
    S3ClientOptions o = options(Map.of("s3.endpoint_url", "http://127.0.0.1:9000"), Map.of());
    assertEquals("http://127.0.0.1:9000", o.endpoint().toString());
    assertTrue(o.pathStyle());
    assertFalse(
        options(
                Map.of("s3.endpoint_url", "https://minio.local", "s3.path_style", "false"),
                Map.of())
            .pathStyle());
    assertTrue(options(Map.of("s3.path_style", "true"), Map.of()).pathStyle());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:9000", "ftp://host", "http://", "not a url"})
  void badEndpointsFailFast(String url) {
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> options(Map.of("s3.endpoint_url", url), Map.of()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("s3.endpoint_url"), e.getMessage());
  }

  @Test
  void badRegionFailsFast() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> options(Map.of("s3.region", "EU West"), Map.of()));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("s3.region"));
  }
}
