package io.statestore.cli;

import io.statestore.core.BackendRegistry;
import io.statestore.core.DefaultStoreHome;
import io.statestore.core.StateStores;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a store URI names, told without opening it: the URI (credentials redacted), its backend,
 * where its data is (a directory, a bucket and prefix, a database) and, where that can be seen
 * without a request, whether it exists.
 *
 * @param uri the store URI as given, redacted; {@code (default)} for the default store
 * @param backend the backend's scheme and description
 * @param location the directory, bucket and prefix, or database
 * @param source what chose the location of the default store (else null)
 * @param exists whether the store exists, or null when only a request can tell
 */
record StoreInfo(String uri, String backend, String location, String source, Boolean exists) {

  /** Describes a store URI ({@code ""} or null for the default store). */
  static StoreInfo of(String rawUri) {
    String uri = StoreArgs.storeUri(rawUri);
    if (uri.isBlank() || uri.strip().equalsIgnoreCase(StateStores.DEFAULT_URI)) {
      DefaultStoreHome.Resolved home = DefaultStoreHome.resolve();
      return new StoreInfo(
          uri.isBlank() ? "(default)" : StateStores.DEFAULT_URI,
          "systemdb: embedded H2 database (Meltano's state table)",
          home.path().toString(),
          home.source(),
          DefaultStoreHome.exists(home.path()));
    }
    StoreLocation loc = StoreLocation.parse(uri);
    String backend = loc.scheme();
    try {
      StateBackendProvider p = BackendRegistry.load().provider(loc.scheme());
      backend = loc.scheme() + ": " + p.description();
    } catch (RuntimeException e) {
      backend = loc.scheme() + ": not installed";
    }
    String where = StoreLocation.redact(loc.specific());
    Boolean exists = null;
    switch (loc.scheme()) {
      case "file" -> {
        try {
          Path dir = Path.of(loc.toUri());
          where = dir.toString();
          exists = Files.isDirectory(dir);
        } catch (RuntimeException e) {
          // an unusual spelling: shown as given, its existence told by the store
        }
      }
      case "s3", "gs", "azure" -> {
        try {
          URI u = loc.toUri();
          String prefix = u.getPath() == null ? "" : u.getPath().replaceFirst("^/+", "");
          where =
              ("azure".equals(loc.scheme()) ? "container " : "bucket ")
                  + u.getHost()
                  + ", prefix "
                  + (prefix.isEmpty() ? "(none)" : prefix);
        } catch (RuntimeException e) {
          // shown as given
        }
      }
      default -> {
        // systemdb:<jdbc url>, memory:<name>, custom schemes: the rest of the URI
      }
    }
    return new StoreInfo(loc.redacted(), backend, where, null, exists);
  }

  /** One line naming the store, for {@code --verbose} and prompts. */
  String summary() {
    return uri + " (" + location + (exists == Boolean.FALSE ? ", does not exist yet" : "") + ")";
  }
}
