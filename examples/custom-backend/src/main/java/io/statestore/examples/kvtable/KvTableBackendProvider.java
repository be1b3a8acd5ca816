package io.statestore.examples.kvtable;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opens {@code kvtable:<jdbc url>} stores: statestore objects as rows of a key-value table in any
 * database with a JDBC driver on the class path. Registered in {@code
 * META-INF/services/io.statestore.spi.StateBackendProvider}, so {@code
 * jdbc:statestore:kvtable:jdbc:h2:/data/kv} works with no change to the driver.
 */
public final class KvTableBackendProvider implements StateBackendProvider {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  @Override
  public String scheme() {
    return "kvtable";
  }

  @Override
  public String description() {
    return "A key-value table in any JDBC database (example custom backend)";
  }

  @Override
  public List<SettingDefinition> settings() {
    return KvTableSettings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    String jdbcUrl = location.specific();
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "A kvtable store is kvtable:<jdbc url>, e.g. kvtable:jdbc:h2:/data/kv; got "
              + location.redacted());
    }
    String table = settings.find(KvTableSettings.TABLE).orElse("statestore_kv");
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The setting kvtable.table must be a plain SQL name (letters, digits, _)");
    }
    KvTableConnector connector =
        new KvTableConnector(
            jdbcUrl,
            settings.find(KvTableSettings.USER).orElse(null),
            settings.find(KvTableSettings.PASSWORD).orElse(null));
    return new KvTableBackend(connector, table);
  }
}
