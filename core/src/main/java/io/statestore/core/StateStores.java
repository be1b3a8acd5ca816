package io.statestore.core;

import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Opens state stores from a URI and settings: finds the backend by scheme, resolves settings
 * (explicit values, {@code ?key=value} in the URI, environment variables, defaults), refuses
 * misspelled settings by name, and wraps the backend in a {@link StateStore}.
 */
public final class StateStores {
  /** The store used when no URI is given: Meltano's keyword for its system database. */
  public static final String DEFAULT_URI = "systemdb:";

  /** Setting keys may carry Meltano's {@code state_backend.} prefix. */
  private static final String MELTANO_PREFIX = "state_backend.";

  private StateStores() {}

  /** Opens a store with settings from the process environment. */
  public static StateStore open(String uri, Map<String, String> settings) {
    return open(uri, settings, Environment.system(), key -> false, BackendRegistry.load());
  }

  /**
   * Opens a store.
   *
   * @param uri the store URI; blank for {@link #DEFAULT_URI}
   * @param settings explicit settings (e.g. JDBC properties)
   * @param environment environment variable fallbacks
   * @param ignored keys to accept and ignore when no setting has that name (e.g. JDBC's own)
   * @param registry the installed backends
   */
  public static StateStore open(
      String uri,
      Map<String, String> settings,
      Environment environment,
      Predicate<String> ignored,
      BackendRegistry registry) {
    Resolved r = resolve(uri, settings, environment, ignored, registry);
    StateBackend backend;
    try {
      backend = r.provider().open(r.location(), r.settings());
    } catch (StateStoreException e) {
      // The location still has its query here: settings given in it are secrets too.
      throw SecretScrubber.of(
              StoreLocation.parse(uri == null || uri.isBlank() ? DEFAULT_URI : uri),
              r.settings(),
              definitions(r.provider()))
          .scrub(e);
    }
    return new StateStore(backend, StoreOptions.from(r.settings()));
  }

  /** The provider, location and settings a URI resolves to; nothing is opened. */
  public record Resolved(
      StateBackendProvider provider, StoreLocation location, Settings settings) {}

  /** Resolves without opening, e.g. to list a backend's settings. */
  public static Resolved resolve(
      String uri,
      Map<String, String> settings,
      Environment environment,
      Predicate<String> ignored,
      BackendRegistry registry) {
    String text = uri == null || uri.isBlank() ? DEFAULT_URI : uri;
    StoreLocation location = StoreLocation.parse(text);
    StateBackendProvider provider = registry.provider(location.scheme());
    List<SettingDefinition> defs = definitions(provider);

    // Setting names match in any letter case: MAX_BODY_BYTES is max_body_bytes.
    Map<String, SettingDefinition> byName = new LinkedHashMap<>();
    for (SettingDefinition d : defs) {
      byName.put(lower(d.key()), d);
      for (String alias : d.aliases()) {
        byName.putIfAbsent(lower(alias), d);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      take(e.getKey(), e.getValue(), byName, values, ignored, provider, location, null);
    }
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : location.query().entrySet()) {
      take(e.getKey(), e.getValue(), byName, values, ignored, provider, location, kept);
    }
    Settings resolved = new Settings(defs, values, environment);
    resolved.validate();
    return new Resolved(provider, location.withQuery(kept), resolved);
  }

  private static void take(
      String rawKey,
      String value,
      Map<String, SettingDefinition> byName,
      Map<String, String> values,
      Predicate<String> ignored,
      StateBackendProvider provider,
      StoreLocation location,
      Map<String, String> keptQuery) {
    String key = lower(rawKey);
    if (key.startsWith(MELTANO_PREFIX)) {
      key = key.substring(MELTANO_PREFIX.length());
    }
    SettingDefinition def = byName.get(key);
    if (def != null) {
      if (value != null) {
        // An explicit key beats an alias of the same setting.
        if (!lower(def.key()).equals(key) && values.containsKey(def.key())) {
          return;
        }
        values.put(def.key(), value);
      }
      return;
    }
    boolean keeps = keptQuery != null && provider.keepsUnknownQueryParameters();
    if (keeps && !location.specific().isBlank()) {
      // The URI's own parameters (sslmode=require, ...) belong to the backend, which checks them.
      keptQuery.put(rawKey, value);
      return;
    }
    if (ignored.test(rawKey)) {
      return;
    }
    if (keeps) {
      keptQuery.put(rawKey, value);
      return;
    }
    List<String> names = new ArrayList<>();
    for (SettingDefinition d : new java.util.LinkedHashSet<>(byName.values())) {
      names.add(d.key());
      names.addAll(d.aliases());
    }
    throw new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "Unknown setting '"
            + rawKey
            + "' for a "
            + provider.scheme()
            + " store ("
            + location.redacted()
            + "); valid settings: "
            + String.join(", ", names));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The common settings followed by the provider's own. */
  public static List<SettingDefinition> definitions(StateBackendProvider provider) {
    List<SettingDefinition> all = new ArrayList<>(CommonSettings.ALL);
    Set<String> common = Set.of("lock_timeout_seconds", "lock_retry_seconds");
    for (SettingDefinition d : provider.settings()) {
      if (!common.contains(d.key())) {
        all.add(d);
      }
    }
    return all;
  }
}
