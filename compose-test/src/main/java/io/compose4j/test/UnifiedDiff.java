package io.compose4j.test;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff ({@code --- expected}, {@code +++ actual}, {@code @@} hunks with
 * context).
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  /**
   * Above this many differing lines (after the common start and end) the middle is shown as
   * replaced.
   */
  private static final int MAX_LCS_LINES = 5_000;

  private UnifiedDiff() {}

  /** An edit: ' ' keeps, '-' removes an expected line, '+' adds an actual line. */
  private record Edit(char op, String line, int expectedLine, int actualLine) {}

  static String diff(String expectedName, String expected, String actualName, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    List<Edit> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ")
        .append(expectedName)
        .append('\n')
        .append("+++ ")
        .append(actualName)
        .append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size()
          && (edits.get(end).op() != ' ' || end - lastChange <= 2 * CONTEXT)) {
        if (edits.get(end).op() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      int aStart = -1;
      int bStart = -1;
      int aCount = 0;
      int bCount = 0;
      for (int k = start; k < end; k++) {
        Edit e = edits.get(k);
        if (e.op() != '+') {
          aStart = aStart < 0 ? e.expectedLine() : aStart;
          aCount++;
        }
        if (e.op() != '-') {
          bStart = bStart < 0 ? e.actualLine() : bStart;
          bCount++;
        }
      }
      out.append("@@ -")
          .append(range(aStart, aCount, edits, start, true))
          .append(" +")
          .append(range(bStart, bCount, edits, start, false))
          .append(" @@\n");
      for (int k = start; k < end; k++) {
        out.append(edits.get(k).op()).append(edits.get(k).line()).append('\n');
      }
      i = end;
    }
    if (!expected.isEmpty()
        && !actual.isEmpty()
        && expected.endsWith("\n") != actual.endsWith("\n")) {
      out.append("\\ the files differ in the newline at the end\n");
    }
    return out.toString();
  }

  private static String range(
      int start, int count, List<Edit> edits, int from, boolean expectedSide) {
    if (count == 0) {
      // an empty side: the line before the hunk
      int line = 0;
      for (int k = from - 1; k >= 0; k--) {
        Edit e = edits.get(k);
        if (expectedSide ? e.op() != '+' : e.op() != '-') {
          line = expectedSide ? e.expectedLine() : e.actualLine();
          break;
        }
      }
      return line + ",0";
    }
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  private static List<Edit> edits(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
    }
    List<String> ma = a.subList(prefix, a.size() - suffix);
    List<String> mb = b.subList(prefix, b.size() - suffix);
    if ((long) ma.size() * mb.size() > (long) MAX_LCS_LINES * MAX_LCS_LINES / 4) {
      for (int k = 0; k < ma.size(); k++) {
        edits.add(new Edit('-', ma.get(k), prefix + k + 1, 0));
      }
      for (int k = 0; k < mb.size(); k++) {
        edits.add(new Edit('+', mb.get(k), 0, prefix + k + 1));
      }
    } else {
      int[][] lcs = new int[ma.size() + 1][mb.size() + 1];
      for (int x = ma.size() - 1; x >= 0; x--) {
        for (int y = mb.size() - 1; y >= 0; y--) {
          lcs[x][y] =
              ma.get(x).equals(mb.get(y))
                  ? lcs[x + 1][y + 1] + 1
                  : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
        }
      }
      int x = 0;
      int y = 0;
      while (x < ma.size() || y < mb.size()) {
        if (x < ma.size() && y < mb.size() && ma.get(x).equals(mb.get(y))) {
          edits.add(new Edit(' ', ma.get(x), prefix + x + 1, prefix + y + 1));
          x++;
          y++;
        } else if (y < mb.size() && (x == ma.size() || lcs[x][y + 1] > lcs[x + 1][y])) {
          edits.add(new Edit('+', mb.get(y), 0, prefix + y + 1));
          y++;
        } else {
          edits.add(new Edit('-', ma.get(x), prefix + x + 1, 0));
          x++;
        }
      }
    }
    for (int k = 0; k < suffix; k++) {
      int ai = a.size() - suffix + k;
      int bi = b.size() - suffix + k;
      edits.add(new Edit(' ', a.get(ai), ai + 1, bi + 1));
    }
    return edits;
  }
}
