package io.compose4j.dsl;

import io.compose4j.model.FileMode;

/**
 * How a secret or config appears in a container: its file name or path, owner and permissions
 * ({@code services.*.secrets[]} / {@code configs[]} without {@code source}, which the handle
 * gives).
 */
public final class FileMount {
  String target;
  String uid;
  String gid;
  FileMode mode;

  FileMount() {}

  /** Sets {@code target}: the file name under {@code /run/secrets} or the path of a config. */
  public FileMount target(String target) {
    this.target = target;
    return this;
  }

  /** Sets {@code uid}: the owner user id of the file. */
  public FileMount uid(String uid) {
    this.uid = uid;
    return this;
  }

  /** Sets {@code gid}: the owner group id of the file. */
  public FileMount gid(String gid) {
    this.gid = gid;
    return this;
  }

  /** Sets {@code mode}: the permission bits ({@code mode(0440)}). */
  public FileMount mode(int bits) {
    this.mode = FileMode.of(bits);
    return this;
  }
}
