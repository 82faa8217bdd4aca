package io.compose4j.yaml.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;

/** The words a YAML 1.1 reader does not read as strings are always quoted. */
class QuotingRulesProperties {
  @Example
  void everyYaml11WordIsQuoted() {
    for (String w :
        List.of(
            "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off",
            "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
            "~", "<<", "=")) {
      assertThat(QuotingRules.yaml11ReadsDifferently(w)).as(w).isTrue();
      assertThat(QuotingRules.mustQuote(w)).as(w).isTrue();
    }
    for (String w : new String[] {"yo", "Nope", "oN", "tru", "=="}) {
      assertThat(QuotingRules.yaml11ReadsDifferently(w)).as(w).isFalse();
    }
  }
}
