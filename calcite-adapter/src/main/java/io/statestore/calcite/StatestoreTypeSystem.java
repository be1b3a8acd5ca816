package io.statestore.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's default type system, except that {@code VALUES ('a'), ('abc')} is {@code VARCHAR}
 * rather than a blank-padded {@code CHAR(3)}: padded state ids would be different ids.
 */
public final class StatestoreTypeSystem extends RelDataTypeSystemImpl {
  /** The instance to name in Calcite's {@code typeSystem} property. */
  public static final RelDataTypeSystem INSTANCE = new StatestoreTypeSystem();

  private StatestoreTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
