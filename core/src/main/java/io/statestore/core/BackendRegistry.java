package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backend providers installed on the class path, found with {@link ServiceLoader}. */
public final class BackendRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(BackendRegistry.class);

  private final Map<String, StateBackendProvider> providers;

  private BackendRegistry(Map<String, StateBackendProvider> providers) {
    this.providers = providers;
  }

  /**
   * Finds providers visible to {@code loader} and to statestore's own class loader. A provider that
   * fails to load is logged and skipped, so one broken plug-in does not break the others.
   */
  public static BackendRegistry load(ClassLoader loader) {
    Map<String, StateBackendProvider> found = new TreeMap<>();
    addAll(
        found,
        ServiceLoader.load(StateBackendProvider.class, BackendRegistry.class.getClassLoader()));
    if (loader != null && loader != BackendRegistry.class.getClassLoader()) {
      addAll(found, ServiceLoader.load(StateBackendProvider.class, loader));
    }
    return new BackendRegistry(Collections.unmodifiableSortedMap(new TreeMap<>(found)));
  }

  /** Providers visible to the current thread's context class loader. */
  public static BackendRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  private static void addAll(
      Map<String, StateBackendProvider> found, ServiceLoader<StateBackendProvider> loader) {
    var it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return;
        }
        StateBackendProvider p = it.next();
        found.putIfAbsent(p.scheme().toLowerCase(java.util.Locale.ROOT), p);
      } catch (ServiceConfigurationError e) {
        LOG.warn("Skipping a state backend provider that failed to load", e);
      }
    }
  }

  /** The provider of a scheme; {@link ErrorKind#INVALID_CONFIGURATION} listing the known ones. */
  public StateBackendProvider provider(String scheme) {
    StateBackendProvider p = providers.get(scheme);
    if (p == null) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "No state backend for scheme '"
              + scheme
              + "'; installed schemes: "
              + String.join(", ", providers.keySet())
              + addOnHint(scheme));
    }
    return p;
  }

  /** Which jar adds a scheme this project provides, or a general hint for any other. */
  private static String addOnHint(String scheme) {
    String module =
        switch (scheme) {
          case "s3" -> "s3";
          case "azure" -> "azure";
          case "gs" -> "gcs";
          default -> null;
        };
    return module == null
        ? " (add the backend's jar to the class path for others)"
        : " (add statestore-jdbc-bundle-<version>-"
            + module
            + ".jar next to the driver jar, or statestore-backend-"
            + module
            + " to the class path)";
  }

  /** All providers by scheme, sorted. */
  public Map<String, StateBackendProvider> providers() {
    return providers;
  }
}
