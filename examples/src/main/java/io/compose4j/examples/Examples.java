package io.compose4j.examples;

import io.compose4j.model.Stack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The five founding stacks by name. */
public final class Examples {
  private Examples() {}

  /**
   * Returns the stacks, by the file name they are written under, given the folder they are written
   * to.
   */
  public static Map<String, Function<Path, Stack>> all() {
    Map<String, Function<Path, Stack>> all = new LinkedHashMap<>();
    all.put("discourse", Discourse::stack);
    all.put("mastodon", Mastodon::stack);
    all.put("nextcloud", Nextcloud::stack);
    all.put("cloudmart-prod", CloudmartProd::stack);
    all.put("monitoring", Monitoring::stack);
    return all;
  }

  /** Files the stacks read (config files), relative to the folder the stacks are written to. */
  public static final List<String> FILES =
      List.of(
          "mastodon/nginx.conf",
          "monitoring/prometheus.yml",
          "monitoring/logstash.conf",
          "monitoring/alertmanager.yml");
}
