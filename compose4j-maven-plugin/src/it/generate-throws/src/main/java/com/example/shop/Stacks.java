package com.example.shop;

import io.compose4j.model.Stack;
import java.util.Map;

/** A generator that needs a setting the build does not give it. */
public final class Stacks {
  private Stacks() {}

  /** Throws: the registry is not configured. */
  public static Map<String, Stack> stacks() {
    String registry = System.getProperty("shop.registry");
    if (registry == null) {
      throw new IllegalStateException("shop.registry is not set; run with -Dshop.registry=HOST");
    }
    return Map.of();
  }
}
