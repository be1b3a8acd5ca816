package io.statestore.jdbc;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A connection request taken apart: the main store's URI and settings, and the stores to attach
 * ({@code attach.<name>=<uri>} and {@code attach.<name>.<setting>}). Query parameters of the URL
 * and JDBC properties are merged, the URL winning. The SQL engine's own properties are fixed by the
 * driver: a {@code calcite.<property>} (which could name a model that opens other databases or
 * loads classes) is refused.
 *
 * @param uri the main store's URI, with any parameters its backend keeps
 * @param settings the main store's settings
 * @param attached attached stores by schema name
 * @param displayUrl the JDBC URL with credentials redacted
 */
record ConnectionConfig(
    String uri, Map<String, String> settings, Map<String, Attached> attached, String displayUrl) {

  /** An attached store. */
  record Attached(String uri, Map<String, String> settings) {}

  static final String ATTACH = "attach.";

  /** The prefix of the SQL engine's properties, which connections may not set. */
  static final String ENGINE = "calcite.";

  /**
   * Standard JDBC and tool properties that clients send on their own; accepted and ignored when no
   * backend setting (or alias) claims them.
   */
  private static final Set<String> CLIENT_PROPERTIES =
      Set.of("user", "password", "ssl", "sslmode", "readonly", "autocommit");

  /**
   * statestore settings are snake_case with dots, matched in any letter case ({@code
   * MAX_BODY_BYTES} is {@code max_body_bytes}); a name in that shape that no setting has is a
   * misspelling and refused. Anything else (camelCase, spaces, dashes) is a client's extra.
   */
  private static final Pattern SETTING_SHAPE = Pattern.compile("[a-z0-9_.]+|[A-Z0-9_.]+");

  static boolean isClientProperty(String key) {
    return CLIENT_PROPERTIES.contains(key.toLowerCase(Locale.ROOT))
        || !SETTING_SHAPE.matcher(key).matches();
  }

  static ConnectionConfig parse(String jdbcUrl, String prefix, Properties info) {
    String uri = jdbcUrl.substring(prefix.length());
    Map<String, String> all = new LinkedHashMap<>();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        all.put(name, info.getProperty(name));
      }
    }
    Map<String, String> keptQuery = new LinkedHashMap<>();
    String base = uri;
    if (uri.strip().startsWith("?")) {
      // The embedded default with settings, e.g. jdbc:statestore:?lock_timeout_seconds=600
      all.putAll(StoreLocation.parseQuery(uri.strip().substring(1)));
      base = "";
    } else if (!uri.isBlank()) {
      StoreLocation location = StoreLocation.parse(uri);
      int q = uri.indexOf('?');
      base = q < 0 ? uri : uri.substring(0, q);
      for (Map.Entry<String, String> e : location.query().entrySet()) {
        if (e.getKey().startsWith(ATTACH) || isEngineProperty(e.getKey())) {
          all.put(e.getKey(), e.getValue());
        } else {
          keptQuery.put(e.getKey(), e.getValue());
        }
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, Map<String, String>> attachSettings = new LinkedHashMap<>();
    Map<String, String> attachUris = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : all.entrySet()) {
      String key = e.getKey();
      if (isEngineProperty(key)) {
        throw new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            "Connection property '"
                + key
                + "' is refused: the SQL engine's properties are fixed by the driver and cannot"
                + " be set by a connection");
      } else if (key.startsWith(ATTACH)) {
        String rest = key.substring(ATTACH.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
          attachUris.put(rest, e.getValue());
        } else {
          attachSettings
              .computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>())
              .put(rest.substring(dot + 1), e.getValue());
        }
      } else {
        settings.put(key, e.getValue());
      }
    }
    Map<String, Attached> attached = new LinkedHashMap<>();
    attachUris.forEach(
        (name, u) ->
            attached.put(name, new Attached(u, attachSettings.getOrDefault(name, Map.of()))));
    for (String name : attachSettings.keySet()) {
      if (!attachUris.containsKey(name)) {
        attached.put(name, new Attached(null, attachSettings.get(name)));
      }
    }
    String fullUri = keptQuery.isEmpty() ? base : base + "?" + encode(keptQuery);
    return new ConnectionConfig(fullUri, settings, attached, prefix + StoreLocation.redact(base));
  }

  private static boolean isEngineProperty(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith(ENGINE);
  }

  private static String encode(Map<String, String> query) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
