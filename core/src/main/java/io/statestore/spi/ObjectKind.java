package io.statestore.spi;

/**
 * The two objects a backend keeps per state id. Layouts that follow Meltano's name them {@code
 * <state_id>/state.json} and {@code <state_id>/lock}.
 */
public enum ObjectKind {
  /** The state document, {@code {"completed": ..., "partial": ...}}. */
  STATE("state.json"),
  /** The lock object: the UTC epoch time in seconds at which it was taken, as text. */
  LOCK("lock");

  private final String fileName;

  ObjectKind(String fileName) {
    this.fileName = fileName;
  }

  /** The object's name inside its state id's folder in Meltano's layout. */
  public String fileName() {
    return fileName;
  }
}
