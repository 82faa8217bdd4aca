package io.compose4j.plan;

import io.compose4j.yaml.read.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices the cost report uses, read from YAML so the user can check and replace them: instance
 * types by monthly price, and a managed container offering by vCPU-hour and GB-hour, each with its
 * source and date. {@link #bundled()} is the table shipped with Compose4J ({@code
 * prices-aws-us-east-1.yml}: EC2 on-demand and Fargate in us-east-1).
 *
 * @param file where the table was read from
 * @param currency the currency of every amount
 * @param hoursPerMonth hours billed per month
 * @param instances monthly prices by instance type
 * @param managed the managed container offering, if the table has one
 */
public record PriceTable(
    String file,
    String currency,
    BigDecimal hoursPerMonth,
    Map<String, InstancePrice> instances,
    Optional<ManagedPrice> managed) {
  private static final String BUNDLED = "prices-aws-us-east-1.yml";

  /** Copies the map. */
  public PriceTable {
    instances = Map.copyOf(instances);
  }

  /**
   * The monthly price of an instance type.
   *
   * @param pricePerMonth the price
   * @param source where it comes from
   * @param date when it was recorded
   */
  public record InstancePrice(BigDecimal pricePerMonth, String source, String date) {}

  /**
   * A managed container offering priced per vCPU-hour and GB-hour (Fargate).
   *
   * @param name the offering
   * @param vcpuHour price per vCPU-hour
   * @param gbHour price per GB-hour of memory
   * @param minVcpu the smallest task size in vCPUs
   * @param minMemoryGb the smallest task memory in GB
   * @param source where the prices come from
   * @param date when they were recorded
   */
  public record ManagedPrice(
      String name,
      BigDecimal vcpuHour,
      BigDecimal gbHour,
      BigDecimal minVcpu,
      BigDecimal minMemoryGb,
      String source,
      String date) {}

  /** Returns the table shipped with Compose4J. */
  public static PriceTable bundled() {
    try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a price table file (errors are {@link io.compose4j.yaml.ComposeReadException}s with
   * positions).
   */
  public static PriceTable read(Path file) {
    return read(YamlInput.readFile(file), file.toString());
  }

  /** Reads a price table given as text; {@code file} names it in errors. */
  public static PriceTable read(String yaml, String file) {
    return read(YamlInput.readText(yaml, file), file);
  }

  private static PriceTable read(YNode.YMap root, String file) {
    YamlInput in = YamlInput.of(file);
    in.onlyKeys(root, "", Set.of("currency", "hours_per_month", "instances", "managed"));
    String currency =
        root.get("currency") == null ? "USD" : in.text(root.get("currency").value(), "currency");
    BigDecimal hours =
        root.get("hours_per_month") == null
            ? BigDecimal.valueOf(730)
            : in.number(root.get("hours_per_month").value(), "hours_per_month");
    Map<String, InstancePrice> instances = new LinkedHashMap<>();
    if (root.get("instances") != null) {
      for (YNode.Entry e : in.map(root.get("instances").value(), "instances").entries().values()) {
        String p = "instances." + e.key();
        YNode.YMap m = in.map(e.value(), p);
        in.onlyKeys(m, p, Set.of("price_per_month", "source", "date"));
        instances.put(
            e.key(),
            new InstancePrice(
                in.number(required(in, m, p, "price_per_month"), p + ".price_per_month"),
                in.text(required(in, m, p, "source"), p + ".source"),
                in.text(required(in, m, p, "date"), p + ".date")));
      }
    }
    Optional<ManagedPrice> managed = Optional.empty();
    if (root.get("managed") != null) {
      String p = "managed";
      YNode.YMap m = in.map(root.get("managed").value(), p);
      in.onlyKeys(
          m,
          p,
          Set.of("name", "vcpu_hour", "gb_hour", "min_vcpu", "min_memory_gb", "source", "date"));
      managed =
          Optional.of(
              new ManagedPrice(
                  in.text(required(in, m, p, "name"), p + ".name"),
                  in.number(required(in, m, p, "vcpu_hour"), p + ".vcpu_hour"),
                  in.number(required(in, m, p, "gb_hour"), p + ".gb_hour"),
                  m.get("min_vcpu") == null
                      ? BigDecimal.ZERO
                      : in.number(m.get("min_vcpu").value(), p + ".min_vcpu"),
                  m.get("min_memory_gb") == null
                      ? BigDecimal.ZERO
                      : in.number(m.get("min_memory_gb").value(), p + ".min_memory_gb"),
                  in.text(required(in, m, p, "source"), p + ".source"),
                  in.text(required(in, m, p, "date"), p + ".date")));
    }
    return new PriceTable(file, currency, hours, instances, managed);
  }

  private static YNode required(YamlInput in, YNode.YMap m, String path, String key) {
    YNode.Entry e = m.get(key);
    if (e == null) {
      throw in.error(m, path, "missing '" + key + "'; every price needs price, source and date");
    }
    return e.value();
  }
}
