package io.statestore.jdbc;

import io.statestore.calcite.StateSchema;
import io.statestore.calcite.StatestoreParserImpl;
import io.statestore.calcite.StatestorePrepare;
import io.statestore.calcite.StatestoreTypeSystem;
import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@code jdbc:statestore:<uri>} driver. It opens the state store the URI names (the embedded H2
 * default when the URI is empty), attaches it to an Apache Calcite connection as the schema {@value
 * #SCHEMA} with the tables {@code state} and {@code locks}, and attaches any further stores named
 * by {@code attach.<name>=<uri>} as schemas of their own.
 *
 * <p>Settings come from JDBC properties and from {@code ?key=value} in the URL; see {@link
 * #getPropertyInfo}.
 */
public final class StatestoreDriver extends org.apache.calcite.jdbc.Driver {
  /** Every URL this driver accepts starts with this. */
  public static final String PREFIX = "jdbc:statestore:";

  /** The schema of the main store. */
  public static final String SCHEMA = "statestore";

  /** This driver's version. */
  public static final String VERSION = loadVersion();

  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static {
    new StatestoreDriver().register();
  }

  /** Creates the driver; {@link java.sql.DriverManager} does this through the service file. */
  public StatestoreDriver() {
    super(StatestorePrepare::new);
  }

  private static String loadVersion() {
    Properties p = new Properties();
    try (InputStream in =
        StatestoreDriver.class.getResourceAsStream("/io/statestore/jdbc/driver.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to the default
    }
    return p.getProperty("driver.version", "0.0.0");
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    int[] v = versionNumbers();
    return new DriverVersion(
        "statestore JDBC driver", VERSION, "statestore", VERSION, false, v[0], v[1], v[0], v[1]);
  }

  private static int[] versionNumbers() {
    String[] parts = VERSION.split("[.-]");
    int[] out = new int[2];
    for (int i = 0; i < 2 && i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
    }
    return out;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null;
    }
    List<StateStore> stores = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    Connection engine = null;
    try {
      ConnectionConfig config = ConnectionConfig.parse(url, PREFIX, info);
      List<String> opening = new ArrayList<>();
      StateStore main = DriverStores.openMain(config, opening);
      stores.add(main);
      engine = super.connect(PREFIX, engineProperties());
      CalciteConnection calcite = engine.unwrap(CalciteConnection.class);
      SchemaPlus root = calcite.getRootSchema();
      root.add(SCHEMA, new StateSchema(main));
      schemas.add(SCHEMA);
      for (Map.Entry<String, ConnectionConfig.Attached> a : config.attached().entrySet()) {
        String name = a.getKey();
        if (!SCHEMA_NAME.matcher(name).matches() || name.equalsIgnoreCase(SCHEMA)) {
          throw new StateStoreException(
              ErrorKind.INVALID_CONFIGURATION,
              "attach."
                  + name
                  + ": the schema name must be a plain identifier other than "
                  + SCHEMA);
        }
        if (a.getValue().uri() == null) {
          throw new StateStoreException(
              ErrorKind.INVALID_CONFIGURATION,
              "Settings given for attach." + name + " but no URI: set attach." + name + "=<uri>");
        }
        StateStore store = DriverStores.open(a.getValue().uri(), a.getValue().settings());
        stores.add(store);
        root.add(name, new StateSchema(store));
        schemas.add(name);
      }
      calcite.setSchema(SCHEMA);
      StatestoreConnection connection =
          new StatestoreConnection(engine, stores, config.displayUrl(), schemas);
      connection.addWarnings(opening);
      return connection;
    } catch (SQLException | RuntimeException e) {
      for (StateStore s : stores) {
        s.close();
      }
      if (engine != null) {
        engine.close();
      }
      throw DriverStores.connectError(e);
    }
  }

  /** The SQL engine's properties: fixed here, never taken from a connection's properties. */
  private static Properties engineProperties() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("parserFactory", StatestoreParserImpl.FACTORY_NAME);
    p.setProperty("typeSystem", StatestoreTypeSystem.class.getName() + "#INSTANCE");
    return p;
  }

  /**
   * Lists every setting of the backend the URL names (the common lock and size settings first),
   * from the same definitions that configure it. Values of sensitive settings are never returned.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    List<DriverPropertyInfo> out = new ArrayList<>();
    List<SettingDefinition> defs;
    Map<String, String> given = Map.of();
    try {
      ConnectionConfig config = ConnectionConfig.parse(url == null ? PREFIX : url, PREFIX, info);
      given = config.settings();
      StateStores.Resolved r =
          StateStores.resolve(
              config.uri(), Map.of(), Environment.system(), k -> true, BackendRegistry.load());
      defs = StateStores.definitions(r.provider());
    } catch (StateStoreException e) {
      defs = io.statestore.core.CommonSettings.ALL;
    }
    for (SettingDefinition d : defs) {
      String value = d.sensitive() ? null : given.getOrDefault(d.key(), d.defaultValue());
      DriverPropertyInfo p = new DriverPropertyInfo(d.key(), value);
      StringBuilder desc = new StringBuilder(d.description());
      if (d.envVar() != null) {
        desc.append(" Falls back to the environment variable ").append(d.envVar()).append('.');
      }
      if (!d.aliases().isEmpty()) {
        desc.append(" Also accepted as: ").append(String.join(", ", d.aliases())).append('.');
      }
      if (d.sensitive()) {
        desc.append(" Sensitive: never shown or logged.");
      }
      p.description = desc.toString();
      p.required = d.required();
      if (!d.choices().isEmpty()) {
        p.choices = d.choices().toArray(new String[0]);
      } else if (d.kind() == SettingKind.BOOL) {
        p.choices = new String[] {"true", "false"};
      }
      out.add(p);
    }
    DriverPropertyInfo attach = new DriverPropertyInfo("attach.<name>", null);
    attach.description =
        "Attaches another store as schema <name>, e.g. attach.dst=file:///var/state; its settings"
            + " go in attach.<name>.<setting>.";
    out.add(attach);
    return out.toArray(new DriverPropertyInfo[0]);
  }
}
