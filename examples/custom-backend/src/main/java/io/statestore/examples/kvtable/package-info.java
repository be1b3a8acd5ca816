/**
 * An example custom backend: {@code kvtable:<jdbc url>} keeps statestore's objects in a key-value
 * table of any JDBC database. It shows the whole recipe: a {@link
 * io.statestore.spi.StateBackendProvider} declaring its scheme and settings, a {@link
 * io.statestore.spi.StateBackend} doing only get, list, conditional put and delete, the
 * ServiceLoader registration, and the shared contract suite in its tests.
 */
package io.statestore.examples.kvtable;
