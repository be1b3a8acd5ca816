package io.statestore.cli;

import java.io.File;
import java.io.IOException;
import picocli.AutoComplete;

/**
 * Writes the bash completion script of every verb and option ({@code completion/statestore.bash} in
 * the distribution), which the build runs: the command registers its verbs when it runs, so the
 * script is made from the command's full model rather than from its class.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /**
   * Writes the script.
   *
   * @param args the file to write
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionScript <file to write>");
    }
    File script = new File(args[0]);
    File dir = script.getAbsoluteFile().getParentFile();
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("cannot create " + dir);
    }
    AutoComplete.bash(
        "statestore", script, null, StatestoreCommand.commandLine(CliIo.system(), null));
  }
}
