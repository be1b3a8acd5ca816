package io.statestore.backend.systemdb;

import io.statestore.core.CommonSettings;
import io.statestore.core.DefaultStoreHome;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code systemdb} scheme: Meltano's system database {@code state} table.
 *
 * <ul>
 *   <li>{@code systemdb:<jdbc url>} opens it in any database whose JDBC driver is on the class
 *       path, e.g. {@code systemdb:jdbc:sqlite:/project/.meltano/meltano.db} (Meltano's own
 *       default) or {@code systemdb:jdbc:postgresql://host/db}. {@code ?key=value} parameters that
 *       are not statestore settings stay in the JDBC URL.
 *   <li>{@code systemdb:} alone (statestore's default store) opens an embedded H2 database in the
 *       user's default store directory ({@link DefaultStoreHome}: {@code $STATESTORE_HOME}, else
 *       {@code ~/.statestore}), which several processes can share. Reads never create it: until the
 *       first write it holds no state.
 * </ul>
 *
 * <p>Settings: {@link SystemDbSettings}; JDBC's {@code user} and {@code password} map onto {@code
 * systemdb.user} and {@code systemdb.password}.
 */
public final class SystemDbBackendProvider implements StateBackendProvider {
  static {
    // Before any H2 class reads its system properties.
    EmbeddedHome.bindToLoopback();
  }

  private final Supplier<Path> home;
  private final Clock clock;

  /** The provider {@link java.util.ServiceLoader} finds: the default home, the local clock. */
  public SystemDbBackendProvider() {
    this(JdbcUrls::defaultHome, Clock.systemDefaultZone());
  }

  /**
   * For tests only: another directory for the embedded default (so that tests never write into the
   * working directory) and another clock and zone for {@code updated_at}.
   */
  SystemDbBackendProvider(Supplier<Path> home, Clock clock) {
    this.home = Objects.requireNonNull(home, "home");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String scheme() {
    return "systemdb";
  }

  @Override
  public String description() {
    return "Meltano's system database state table, in any JDBC database (embedded H2 by default)";
  }

  @Override
  public List<SettingDefinition> settings() {
    return SystemDbSettings.ALL;
  }

  @Override
  public boolean keepsUnknownQueryParameters() {
    return true;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    Path homeDir = home.get();
    boolean embedded = location.specific().isBlank();
    String url = JdbcUrls.of(location, homeDir);
    if (embedded) {
      LegacyHome.check(homeDir);
      if (!DefaultStoreHome.exists(homeDir)) {
        SystemDbConfig config = config(url, settings);
        return new UncreatedEmbeddedStore(
            homeDir, () -> openEmbedded(homeDir, url, settings), config.describe(), config.table());
      }
      return openEmbedded(homeDir, url, settings);
    }
    return openDatabase(url, location, settings);
  }

  private StateBackend openEmbedded(Path homeDir, String url, Settings settings) {
    EmbeddedHome.prepare(homeDir);
    StateBackend backend =
        openDatabase(url, StoreLocation.parse(StateStores.DEFAULT_URI), settings);
    EmbeddedHome.restrictFiles(homeDir);
    return backend;
  }

  private static SystemDbConfig config(String url, Settings settings) {
    SystemDbConfig config =
        new SystemDbConfig(
            url,
            settings.find(SystemDbSettings.USER).orElse(null),
            settings.find(SystemDbSettings.PASSWORD).orElse(null),
            Schema.checkName(SystemDbSettings.TABLE, settings.require(SystemDbSettings.TABLE)),
            Schema.checkName(
                SystemDbSettings.LOCK_TABLE, settings.require(SystemDbSettings.LOCK_TABLE)),
            settings.findBoolean(SystemDbSettings.CREATE_TABLE).orElse(false));
    if (config.table().equalsIgnoreCase(config.lockTable())) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Settings 'systemdb.table' and 'systemdb.lock_table' must name different tables");
    }
    return config;
  }

  private StateBackend openDatabase(String url, StoreLocation location, Settings settings) {
    requireDriver(url, location);
    SystemDbConfig config = config(url, settings);
    // updated_at is local time without zone, as Meltano writes it: in the zone the store shows.
    Clock local =
        settings.find(CommonSettings.TIME_ZONE).isPresent()
            ? clock.withZone(CommonSettings.timeZone(settings))
            : clock;
    return SystemDbBackend.open(config, local);
  }

  /** Fails before connecting when no JDBC driver on the class path accepts the URL. */
  private static void requireDriver(String url, StoreLocation location) {
    try {
      JdbcDrivers.driver(url);
    } catch (SQLException e) {
      String[] parts = url.split(":", 3);
      String subprotocol = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
      String hint =
          switch (subprotocol) {
            case "sqlite" -> " (add org.xerial:sqlite-jdbc)";
            case "postgresql" -> " (add org.postgresql:postgresql)";
            case "mysql" -> " (add com.mysql:mysql-connector-j)";
            case "mariadb" -> " (add org.mariadb.jdbc:mariadb-java-client)";
            default -> "";
          };
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "No JDBC driver on the class path accepts 'jdbc:"
              + subprotocol
              + ":' URLs"
              + hint
              + "; store "
              + location.redacted(),
          e);
    }
  }
}
