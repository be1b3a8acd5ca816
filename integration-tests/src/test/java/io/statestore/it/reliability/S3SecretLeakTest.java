package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.SecretLeakContract;
import io.statestore.jdbc.reliability.StoreFixture;

/**
 * {@link SecretLeakContract} on {@code s3://}, against the S3 emulator: keys in the URI's user
 * info, and (nested) as the {@code s3.aws_*} settings, with a wrong secret too.
 */
class S3SecretLeakTest extends SecretLeakContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }

  /** The same checks with the keys given as settings. */
  @org.junit.jupiter.api.Nested
  class KeysAsSettings extends SecretLeakContract {
    @Override
    protected StoreFixture store() {
      return CloudStores.s3WithKeySettings("reliability/state");
    }
  }
}
