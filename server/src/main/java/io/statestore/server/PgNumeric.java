package io.statestore.server;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's binary form of {@code numeric}: base-10000 digits with weight, sign and scale. */
final class PgNumeric {
  private PgNumeric() {}

  static byte[] encode(BigDecimal v) {
    int sign = v.signum() < 0 ? 0x4000 : 0;
    int dscale = Math.max(0, v.scale());
    String s = v.abs().setScale(dscale).toPlainString();
    int dot = s.indexOf('.');
    String ip = dot < 0 ? s : s.substring(0, dot);
    String fp = dot < 0 ? "" : s.substring(dot + 1);
    ip = "0".repeat((4 - ip.length() % 4) % 4) + ip;
    fp = fp + "0".repeat((4 - fp.length() % 4) % 4);
    List<Short> digits = new ArrayList<>();
    for (int i = 0; i < ip.length(); i += 4) {
      digits.add(Short.parseShort(ip.substring(i, i + 4)));
    }
    int weight = ip.length() / 4 - 1;
    for (int i = 0; i < fp.length(); i += 4) {
      digits.add(Short.parseShort(fp.substring(i, i + 4)));
    }
    while (!digits.isEmpty() && digits.get(0) == 0) {
      digits.remove(0);
      weight--;
    }
    while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
      digits.remove(digits.size() - 1);
    }
    if (digits.isEmpty()) {
      weight = 0;
    }
    ByteBuffer b = ByteBuffer.allocate(8 + 2 * digits.size());
    b.putShort((short) digits.size()).putShort((short) weight).putShort((short) sign);
    b.putShort((short) dscale);
    for (short d : digits) {
      b.putShort(d);
    }
    return b.array();
  }
}
