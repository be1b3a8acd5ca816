package io.statestore.it;

import io.statestore.backend.azure.AzuriteExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs a contract's binding once per cloud store, each against its emulator: {@code s3} (S3Proxy),
 * {@code azure} (Azurite) and {@code gs} (the Cloud Storage fake). The class takes the kind in a
 * {@code @Parameter String} field and passes it to {@link CloudUrls#of} or {@code CloudStores.of};
 * Azurite is started once for the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnEachCloudStore.Emulators.class)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"s3", "azure", "gs"})
public @interface OnEachCloudStore {
  /** Makes the run's Azurite known to {@link CloudUrls} before the class's tests. */
  final class Emulators implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      CloudUrls.azurite(AzuriteExtension.server(context));
    }
  }
}
