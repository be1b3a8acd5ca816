package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code systemdb} scheme: Meltano's {@code state} table in a SQL database. {@code
 * systemdb:<jdbc url>} names the database; {@code systemdb:} alone is the embedded H2 default in
 * {@code ./.statestore/} (the system property {@code statestore.home} moves it).
 */
public final class SystemDbBackendProvider implements StateBackendProvider {
  /** The database user. */
  public static final SettingDefinition USER =
      SettingDefinition.builder("systemdb.user", SettingKind.STRING)
          .description("The database user.")
          .aliases("user")
          .build();

  /** The database password. */
  public static final SettingDefinition PASSWORD =
      SettingDefinition.builder("systemdb.password", SettingKind.SECRET)
          .description("The database password.")
          .aliases("password")
          .build();

  /** The state table's name. */
  public static final SettingDefinition TABLE =
      SettingDefinition.builder("systemdb.table", SettingKind.STRING)
          .description("The name of Meltano's state table.")
          .defaultValue("state")
          .build();

  @Override
  public String scheme() {
    return "systemdb";
  }

  @Override
  public String description() {
    return "Meltano's state table in a SQL database (embedded H2 by default)";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of(USER, PASSWORD, TABLE);
  }

  @Override
  public boolean keepsUnknownQueryParameters() {
    return true;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    String spec = location.specific().strip();
    String url;
    if (spec.isEmpty()) {
      Path home = Path.of(System.getProperty("statestore.home", ".statestore"));
      url =
          "jdbc:h2:file:"
              + home.toAbsolutePath().normalize().resolve("statestore")
              + ";AUTO_SERVER=TRUE";
    } else if (spec.startsWith("jdbc:")) {
      url = spec + query(location.query());
    } else {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "systemdb URI '" + location.redacted() + "' must be systemdb: or systemdb:jdbc:...");
    }
    String table = settings.find(TABLE).orElse("state");
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION, "Setting 'systemdb.table' must be a plain identifier");
    }
    return new SystemDbBackend(
        url, settings.find(USER).orElse(null), settings.find(PASSWORD).orElse(null), table);
  }

  private static String query(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("?");
    query.forEach(
        (k, v) -> {
          if (sb.length() > 1) {
            sb.append('&');
          }
          sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return sb.toString();
  }
}
