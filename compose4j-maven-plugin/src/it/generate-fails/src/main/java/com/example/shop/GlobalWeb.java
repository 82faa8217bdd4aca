package com.example.shop;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import java.util.function.Supplier;

/**
 * A generator as a Supplier: one stack named by Compose.stack. Global mode with replicas: Swarm
 * refuses it.
 */
public final class GlobalWeb implements Supplier<Stack> {
  @Override
  public Stack get() {
    return Compose.stack(
        "web", s -> s.service("web", web -> web.image("nginx:1.25").global().replicas(2)));
  }
}
