package io.compose4j.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan costs a month: per node (its own {@code price_per_month}, else its {@code
 * instance_type} in the price table), per service by its share of each node (the mean of its share
 * of the node's CPUs and of its memory, by reservations, or by limits where nothing is reserved),
 * the idle rest, and the same tasks priced on a managed container offering.
 *
 * @param currency the currency
 * @param total the cluster's monthly price (nodes without a price count as zero and are listed)
 * @param perNode monthly price by hostname
 * @param unpriced hostnames with no price
 * @param perService the share of the cluster price by service
 * @param idle the share no reservation covers
 * @param managed the managed offering's price by service, and its name, if the table has one
 * @param managedName the managed offering and its source
 * @param fromLimits services charged by limits because they reserve nothing
 */
public record Cost(
    String currency,
    BigDecimal total,
    Map<String, BigDecimal> perNode,
    List<String> unpriced,
    Map<String, BigDecimal> perService,
    BigDecimal idle,
    Map<String, BigDecimal> managed,
    Optional<String> managedName,
    List<String> fromLimits) {
  private static final MathContext MC = MathContext.DECIMAL64;

  /** Fargate prices memory per GB of 1,024 MiB (a 0.5 GB task has 512 MiB). */
  private static final BigDecimal GB = BigDecimal.valueOf(1024L * 1024 * 1024);

  private static final BigDecimal NANO = BigDecimal.valueOf(1_000_000_000L);

  /** Returns the total of the managed prices. */
  public BigDecimal managedTotal() {
    return managed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Prices a plan with a table. */
  public static Cost of(Plan plan, PriceTable prices) {
    Map<String, BigDecimal> perNode = new LinkedHashMap<>();
    List<String> unpriced = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Node n : plan.cluster().nodes()) {
      Optional<BigDecimal> price =
          n.pricePerMonth()
              .or(
                  () ->
                      n.instanceType()
                          .map(prices.instances()::get)
                          .map(PriceTable.InstancePrice::pricePerMonth));
      if (price.isEmpty()) {
        unpriced.add(n.hostname());
      }
      perNode.put(n.hostname(), price.orElse(BigDecimal.ZERO));
      total = total.add(price.orElse(BigDecimal.ZERO));
    }
    Map<String, Plan.ServiceInfo> services = new LinkedHashMap<>();
    for (Plan.ServiceInfo s : plan.services()) {
      services.put(s.name(), s);
    }
    Map<String, BigDecimal> perService = new LinkedHashMap<>();
    plan.services().forEach(s -> perService.put(s.name(), BigDecimal.ZERO));
    BigDecimal shared = BigDecimal.ZERO;
    Map<String, String> serviceOfTask = new LinkedHashMap<>();
    plan.tasks().forEach(t -> serviceOfTask.put(t.name(), t.service()));
    for (Plan.NodeUsage u : plan.nodes()) {
      BigDecimal price = perNode.get(u.node().hostname());
      Map<String, BigDecimal> shares = new LinkedHashMap<>();
      BigDecimal sum = BigDecimal.ZERO;
      for (String task : u.tasks()) {
        Plan.ServiceInfo s = services.get(serviceOfTask.get(task));
        BigDecimal share =
            share(s.costNanoCpus(), u.node().nanoCpus())
                .add(share(s.costMemoryBytes(), u.node().memoryBytes()))
                .divide(BigDecimal.valueOf(2), MC);
        shares.merge(s.name(), share, BigDecimal::add);
        sum = sum.add(share);
      }
      // limits may add up to more than the node: then the node's price is split in proportion
      BigDecimal scale =
          sum.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE.divide(sum, MC) : BigDecimal.ONE;
      for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
        BigDecimal amount = price.multiply(e.getValue(), MC).multiply(scale, MC);
        perService.merge(e.getKey(), amount, BigDecimal::add);
        shared = shared.add(amount);
      }
    }
    Map<String, BigDecimal> managed = new LinkedHashMap<>();
    Optional<String> managedName = Optional.empty();
    if (prices.managed().isPresent()) {
      PriceTable.ManagedPrice m = prices.managed().get();
      managedName =
          Optional.of(
              m.name()
                  + ", $"
                  + m.vcpuHour().toPlainString()
                  + "/vCPU-hour, $"
                  + m.gbHour().toPlainString()
                  + "/GB-hour; "
                  + m.source()
                  + ", "
                  + m.date());
      for (Plan.ServiceInfo s : plan.services()) {
        long count = plan.tasks().stream().filter(t -> t.service().equals(s.name())).count();
        BigDecimal vcpu = new BigDecimal(s.costNanoCpus()).divide(NANO, MC).max(m.minVcpu());
        BigDecimal gb = new BigDecimal(s.costMemoryBytes()).divide(GB, MC).max(m.minMemoryGb());
        BigDecimal perTask =
            vcpu.multiply(m.vcpuHour(), MC)
                .add(gb.multiply(m.gbHour(), MC))
                .multiply(prices.hoursPerMonth(), MC);
        managed.put(
            s.name(),
            perTask.multiply(BigDecimal.valueOf(count), MC).setScale(2, RoundingMode.HALF_UP));
      }
    }
    perService.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP));
    List<String> fromLimits =
        plan.services().stream()
            .filter(Plan.ServiceInfo::costFromLimits)
            .map(Plan.ServiceInfo::name)
            .toList();
    return new Cost(
        prices.currency(),
        total.setScale(2, RoundingMode.HALF_UP),
        perNode,
        unpriced,
        perService,
        total.subtract(shared).setScale(2, RoundingMode.HALF_UP),
        managed,
        managedName,
        fromLimits);
  }

  private static BigDecimal share(long used, long capacity) {
    return capacity == 0
        ? BigDecimal.ZERO
        : new BigDecimal(used).divide(new BigDecimal(capacity), MC);
  }
}
