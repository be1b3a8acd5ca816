package io.statestore.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.calcite.util.CancelFlag;
import org.junit.jupiter.api.Test;

/**
 * A statement's query timeout: an alarm for the planner only when the statement is planned, none
 * for the execution of a statement prepared before, and a flag already raised when planning starts
 * after the time is up.
 */
class StatementDeadlineTest {
  @Test
  void anExecutionThatPlansNothingSetsNoAlarm() {
    int before = StatementDeadline.pendingAlarms();
    try (StatementDeadline d = StatementDeadline.start(30)) {
      assertEquals(before, StatementDeadline.pendingAlarms(), "no alarm before planning");
      CancelFlag flag = StatementDeadline.planningFlag();
      assertNotNull(flag);
      assertFalse(flag.isCancelRequested());
      assertEquals(before + 1, StatementDeadline.pendingAlarms(), "one alarm while planning");
    }
    assertEquals(before, StatementDeadline.pendingAlarms(), "the alarm goes with the statement");
  }

  @Test
  void withoutATimeoutThePlannerHasNoFlag() {
    try (StatementDeadline d = StatementDeadline.start(0)) {
      assertNull(StatementDeadline.planningFlag());
    }
  }

  @Test
  void planningThatStartsAfterTheTimeIsUpIsCancelledAtOnce() throws Exception {
    try (StatementDeadline d = StatementDeadline.start(1)) {
      Thread.sleep(1_100);
      assertTrue(d.expired());
      assertTrue(StatementDeadline.planningFlag().isCancelRequested());
    }
  }
}
