package io.statestore.it;

import io.statestore.jdbc.ReadmeSettingsTest;

/** The README's settings tables, checked with every backend module on the class path. */
class AllBackendsReadmeSettingsTest extends ReadmeSettingsTest {}
