package io.statestore.backend.file;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;

/**
 * The {@code file} scheme: {@code file:///abs/dir} keeps states in a local directory in Meltano's
 * layout (see {@link FileBackend}). Settings: {@link FileSettings}.
 */
public final class FileBackendProvider implements StateBackendProvider {

  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public String description() {
    return "A local directory in Meltano's filesystem layout: <dir>/<state_id>/state.json";
  }

  @Override
  public List<SettingDefinition> settings() {
    return FileSettings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    var root = FileUris.root(location);
    FileLayout layout = FileLayout.fromSetting(settings.require(FileSettings.LAYOUT));
    boolean fsync = settings.findBoolean(FileSettings.FSYNC).orElse(true);
    return FileBackend.open(root, layout, fsync);
  }
}
