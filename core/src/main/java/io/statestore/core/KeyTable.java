package io.statestore.core;

import java.util.Arrays;

/**
 * The keys of one JSON object being read, to refuse duplicates: an open-addressing table of the
 * keys' positions in the text (4 bytes a slot, at most three quarters full), compared by their
 * decoded characters, so no key is copied.
 */
final class KeyTable {
  private int[] slots = new int[16];
  private int size;

  void clear() {
    if (size > 0) {
      if (slots.length > 1024) {
        slots = new int[16];
      } else {
        Arrays.fill(slots, 0);
      }
      size = 0;
    }
  }

  /** Adds the key whose opening quote is at {@code start}; false if the object already has it. */
  boolean add(JsonText text, int start, int hash) {
    if ((size + 1) * 4L > slots.length * 3L) {
      grow(text);
    }
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int held = slots[i];
      if (held == 0) {
        slots[i] = start + 1;
        size++;
        return true;
      }
      if (same(text, held - 1, start)) {
        return false;
      }
    }
  }

  private void grow(JsonText text) {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int held : old) {
      if (held != 0) {
        int i = hash(text, held - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = held;
      }
    }
  }

  private static int hash(JsonText text, int start) {
    return text.hashKey(start);
  }

  private static boolean same(JsonText text, int a, int b) {
    int p = a + 1;
    int q = b + 1;
    while (true) {
      long u = text.unitAt(p);
      long v = text.unitAt(q);
      if (u < 0 || v < 0) {
        return u < 0 && v < 0;
      }
      if ((u >>> 32) != (v >>> 32)) {
        return false;
      }
      p = (int) u;
      q = (int) v;
    }
  }
}
