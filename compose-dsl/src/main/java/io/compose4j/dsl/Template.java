package io.compose4j.dsl;

/**
 * Swarm service templates, expanded per task by the engine: usable in {@code hostname}, {@code
 * environment}, mount sources and labels ({@code PATRONI_NAME={{.Node.Hostname}}}).
 */
public final class Template {
  private Template() {}

  /** Returns {@code {{.Node.Hostname}}}: the host name of the node running the task. */
  public static String nodeHostname() {
    return "{{.Node.Hostname}}";
  }

  /** Returns {@code {{.Node.ID}}}: the id of the node running the task. */
  public static String nodeId() {
    return "{{.Node.ID}}";
  }

  /** Returns {@code {{.Node.Platform.OS}}}. */
  public static String nodePlatformOs() {
    return "{{.Node.Platform.OS}}";
  }

  /** Returns {@code {{.Node.Platform.Architecture}}}. */
  public static String nodePlatformArchitecture() {
    return "{{.Node.Platform.Architecture}}";
  }

  /** Returns {@code {{.Service.Name}}}: the service name, stack prefix included. */
  public static String serviceName() {
    return "{{.Service.Name}}";
  }

  /** Returns {@code {{.Service.ID}}}. */
  public static String serviceId() {
    return "{{.Service.ID}}";
  }

  /** Returns {@code {{index .Service.Labels "<label>"}}}: a label of the service. */
  public static String serviceLabel(String label) {
    return "{{index .Service.Labels \"" + label + "\"}}";
  }

  /** Returns {@code {{.Task.Name}}}. */
  public static String taskName() {
    return "{{.Task.Name}}";
  }

  /** Returns {@code {{.Task.Slot}}}: the replica number of the task (1, 2, ...). */
  public static String taskSlot() {
    return "{{.Task.Slot}}";
  }

  /** Returns {@code {{.Task.ID}}}. */
  public static String taskId() {
    return "{{.Task.ID}}";
  }
}
